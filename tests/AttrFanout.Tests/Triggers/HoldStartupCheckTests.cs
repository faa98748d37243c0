using AttrFanout.Stores;
using AttrFanout.Stores.InMemory;
using AttrFanout.Triggers;

namespace AttrFanout.Tests.Triggers;

public sealed class HoldStartupCheckTests
{
    private static readonly FunctionDescriptor Batched =
        new FunctionDescriptor<string>("batched", "e", static (_, _, _, _) => default) { Handler = "App.Batched", Batch = new BatchRule(10, TimeSpan.FromSeconds(5)) };

    [Fact]
    public void A_store_without_holds_refuses_a_batched_function_naming_it()
    {
        var error = Assert.Throws<AttrFanoutConfigurationException>(() => HoldStartupCheck.Check([Batched], new NoHoldsStore()));

        Assert.Contains("'batched' (App.Batched)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_in_memory_store_takes_a_batched_function()
    {
        HoldStartupCheck.Check([Batched], new InMemoryFanoutStore(16, TimeProvider.System));
    }

    private sealed class NoHoldsStore : IFanoutStore
    {
        public bool IsDurable => false;

        public ValueTask<AcceptResult> AcceptAsync(EventSubmission submission, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<bool> WaitForRunAsync(string functionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<RunDelivery?> TryTakeRunAsync(string functionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask ReportAsync(RunOutcome outcome, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<FunctionRun?> ReplayAsync(string runId, string newRunId, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
