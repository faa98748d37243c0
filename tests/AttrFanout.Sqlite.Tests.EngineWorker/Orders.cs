using AttrFanout;

namespace AttrFanout.Sqlite.Tests.EngineWorker;

[Event("crash/order")]
public sealed partial record OrderPlaced(int Number);

/// <summary>Three functions per order; each appends one line per execution to the ledger, so the parent counts executions.</summary>
public static class OrderFunctions
{
    [OnEvent("crash/order", Id = "crash-charge")]
    public static Task Charge(OrderPlaced order, FunctionContext context) => Ledger.RecordAsync(context);

    [OnEvent("crash/order", Id = "crash-ship")]
    public static Task Ship(OrderPlaced order, FunctionContext context) => Ledger.RecordAsync(context);

    [OnEvent("crash/order", Id = "crash-email")]
    public static Task Email(OrderPlaced order, FunctionContext context) => Ledger.RecordAsync(context);
}
