using System.Globalization;
using AttrFanout.FlowControl;
using AttrFanout.Generators.Tests.Infrastructure;
using AttrFanout.Generators.Tests.Serialization;

namespace AttrFanout.Generators.Tests.FlowControl;

/// <summary>
/// Builds an app with every flow-control attribute, loads it and reads its function descriptors: the rules are there and
/// the generated key accessors produce the documented culture-invariant text, null where the path meets a null.
/// </summary>
public sealed class FlowControlRuntimeTests : IDisposable
{
    private const string DocumentId = "6f9619ff-8b86-d011-b42d-00cf4fc964ff";
    private const string TenantId = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private readonly LoadedAssembly _app = SerializationHarness.Load(SerializationHarness.Generate(
        TestCompilation.Create("Ai.App", FlowScenarios.Events, FlowScenarios.Handlers, FlowScenarios.Probe)));

    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    public FlowControlRuntimeTests() => CultureInfo.CurrentCulture = new CultureInfo("de-DE");

    [Fact]
    public void Every_attribute_reaches_the_descriptor()
    {
        var rules = Rules("summarize");

        Assert.Equal(2, rules.Concurrency.Count);
        Assert.Equal(5, rules.Concurrency[0].Limit);
        Assert.Equal("AccountId", rules.Concurrency[0].Key!.Expression);
        Assert.Null(rules.Concurrency[0].Scope);
        Assert.Equal((50, "openai"), (rules.Concurrency[1].Limit, rules.Concurrency[1].Scope));
        Assert.Null(rules.Concurrency[1].Key);
        Assert.Equal((100, TimeSpan.FromMinutes(1), 10), (rules.Throttle!.Limit, rules.Throttle.Period, rules.Throttle.Burst));
        Assert.Equal((1, TimeSpan.FromHours(1), "UserId"), (rules.RateLimit!.Limit, rules.RateLimit.Period, rules.RateLimit.Key!.Expression));
        Assert.Equal(SingletonMode.Cancel, rules.Singleton!.Mode);
        Assert.Equal("Rank", rules.Priority!.Method);
        Assert.Equal(TimeSpan.FromHours(24), rules.Idempotency!.Period);
        Assert.Null(_app.Probe("Rules", "plain"));
    }

    [Fact]
    public void Keys_are_evaluated_by_the_generated_accessors()
    {
        var payload = _app.Probe("Payload", false, 7)!;

        var keys = Rules("summarize").EvaluateKeys(payload);

        Assert.Equal(
            new RunKeys { Concurrency = "acc-1", SecondConcurrency = "", Throttle = "", RateLimit = "user-7", Singleton = DocumentId, Priority = 60 },
            keys);
        Assert.Equal(DocumentId, Rules("summarize").EvaluateIdempotencyKey(payload));
    }

    [Fact]
    public void Numbers_dates_bools_enums_and_Guids_are_written_culture_invariantly()
    {
        var payload = _app.Probe("Payload", true, 7)!;

        var region = Rules("by-region").EvaluateKeys(payload);
        var tenant = Rules("by-tenant");

        Assert.Equal(
            new RunKeys { Concurrency = "7", Throttle = "1234.5", RateLimit = "Paid", Singleton = TenantId },
            region);
        Assert.Equal(
            new RunKeys { Concurrency = TenantId.Replace("-", "", StringComparison.Ordinal), RateLimit = "3", Singleton = "true" },
            tenant.EvaluateKeys(payload));
        Assert.Equal("2026-12-06T16:30:00.0000000+01:00", tenant.EvaluateIdempotencyKey(payload));
        Assert.Equal(TimeSpan.FromMinutes(10), tenant.Idempotency!.Period);
    }

    [Fact]
    public void A_null_on_the_key_path_exempts_the_run_and_a_value_there_is_its_key()
    {
        var byAccount = Rules("by-account");

        var withoutAccount = byAccount.EvaluateKeys(_app.Probe("Payload", false, -1)!);
        var withAccount = byAccount.EvaluateKeys(_app.Probe("Payload", true, -1)!);
        var withoutRegion = Rules("by-region").EvaluateKeys(_app.Probe("Payload", true, -1)!);

        Assert.Equal((null, null), (withoutAccount.Concurrency, withoutAccount.Throttle));
        Assert.Equal(("Paid", "a-9"), (withAccount.Concurrency, withAccount.Throttle));
        Assert.Null(withoutRegion.Concurrency);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        _app.Dispose();
    }

    private FunctionFlowControl Rules(string functionId) => Assert.IsType<FunctionFlowControl>(_app.Probe("Rules", functionId));
}
