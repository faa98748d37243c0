using AttrFanout.Generators.Tests.Infrastructure;
using AttrFanout.Generators.Tests.Serialization;
using AttrFanout.Triggers;

namespace AttrFanout.Generators.Tests.Triggers;

/// <summary>
/// Builds the trigger scenarios, loads them and runs what the generator wrote: the rules' values, the batch invoker and the
/// single-event invoker (a batch of one), the match keys over both payloads and the <c>If</c> condition.
/// </summary>
public sealed class TriggerRuntimeTests : IDisposable
{
    private const string DocId = "6f9619ff-8b86-d011-b42d-00cf4fc964ff";

    private readonly LoadedAssembly _app = SerializationHarness.Load(SerializationHarness.Generate(
        TestCompilation.Create("Shop.App", TriggerScenarios.Events, TriggerScenarios.Handlers, TriggerScenarios.Probe)));

    [Fact]
    public void The_rules_reach_the_descriptors()
    {
        var index = Function("index-doc");
        var snapshot = Function("snapshot-all");
        var count = Function("count-clicks");
        var archive = Function("archive-clicks");
        var onboarding = Function("onboarding");

        Assert.Equal(new DebounceRule(TimeSpan.FromSeconds(30)) { MaxWait = TimeSpan.FromMinutes(5), Key = index.Debounce!.Key }, index.Debounce);
        Assert.Equal("DocId", index.Debounce.Key!.Expression);
        Assert.Equal(new DebounceRule(TimeSpan.FromMinutes(1)), snapshot.Debounce);
        Assert.Equal((100, TimeSpan.FromSeconds(5), BatchRule.DefaultMaxBytes, "TenantId"), (count.Batch!.MaxSize, count.Batch.Timeout, count.Batch.MaxBytes, count.Batch.Key!.Expression));
        Assert.Equal(new BatchRule(1000, TimeSpan.FromMinutes(1)) { MaxBytes = 1_048_576 }, archive.Batch);
        Assert.Equal(["user/deleted", "user/paused"], onboarding.CancelOn.Select(static r => r.EventName));
        Assert.Equal(TimeSpan.FromDays(1), onboarding.CancelOn[0].Timeout);
        Assert.Null(onboarding.CancelOn[1].Timeout);
        Assert.Null(onboarding.CancelOn[1].RunKey);
        Assert.Empty(Function("plain-free").CancelOn);
        Assert.Null(Function("plain-free").Batch);
    }

    [Fact]
    public void The_batch_invoker_passes_every_event_and_the_single_invoker_a_batch_of_one()
    {
        var calls = (string)_app.Probe("Batches")!;

        Assert.Equal("count:1,2,3 | count:4 | archive:e1,e2,e3 | archive:e5", calls);
    }

    [Fact]
    public void Match_keys_read_the_member_on_each_payload_and_If_calls_the_method_with_both()
    {
        Assert.Equal("u-1", _app.Probe("RunKey", "onboarding", 0, "u-1"));
        Assert.Equal("u-2", _app.Probe("CancellingKey", "onboarding", 0, "u-2"));
        Assert.Null(_app.Probe("RunKey", "welcome-digest", 0, "u-1"));
        Assert.Equal("u-3", _app.Probe("CancellingKey", "welcome-digest", 1, "u-3"));
        Assert.Equal(true, _app.Probe("Condition", "u-1", "u-1", 8));
        Assert.Equal(false, _app.Probe("Condition", "u-1", "u-1", 7));
        Assert.Equal(false, _app.Probe("Condition", "u-1", "u-2", 30));
        Assert.Equal(DocId, _app.Probe("DebounceKey", "index-doc", DocId));
        Assert.Equal("t-9", _app.Probe("BatchKey", "t-9"));
    }

    public void Dispose() => _app.Dispose();

    private FunctionDescriptor Function(string id) => Assert.IsAssignableFrom<FunctionDescriptor>(_app.Probe("Function", id));
}
