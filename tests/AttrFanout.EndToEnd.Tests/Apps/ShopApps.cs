using AttrFanout.EndToEnd.Tests.Infrastructure;

namespace AttrFanout.EndToEnd.Tests.Apps;

/// <summary>A library declaring an event and two functions, and apps that reference it and add a function of their own.</summary>
internal static class ShopApps
{
    public const string LibraryName = "Shop";

    public static readonly string[] LibraryFunctionIds = ["reserve-stock", "charge-card"];

    public static SourceFile[] Library => [LibraryFunctions, Tally.In("Shop")];

    /// <summary>The app adds <c>send-receipt</c>; AddAttrFanout() must run it with the library's two.</summary>
    public static readonly SourceFile ReceiptApp = new("Program.cs", """
        using AttrFanout;
        using Microsoft.Extensions.DependencyInjection;
        using Shop;

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Tally.Shared)
            .AddAttrFanout()
            .BuildServiceProvider();

        var result = await services.GetRequiredService<IEventSender>().SendAsync(new OrderPlaced("o-7"));
        Console.WriteLine($"runs: {result.RunIds.Count}");
        return await Tally.Shared.WaitForAsync(3, TimeSpan.FromSeconds(60));

        public static class Receipts
        {
            [OnEvent("order/placed", Id = "send-receipt")]
            public static ValueTask Send(OrderPlaced order, FunctionContext context)
            {
                Tally.Shared.Ran(context.FunctionId);
                return ValueTask.CompletedTask;
            }
        }
        """);

    /// <summary>The app declares a function whose Id the library already uses.</summary>
    public static readonly SourceFile DuplicateIdApp = new("Program.cs", """
        using AttrFanout;
        using Microsoft.Extensions.DependencyInjection;
        using Shop;

        await using var services = new ServiceCollection().AddLogging().AddSingleton(Tally.Shared).AddAttrFanout().BuildServiceProvider();
        await services.GetRequiredService<IEventSender>().SendAsync(new OrderPlaced("o-8"));

        public static class Refunds
        {
            [OnEvent("order/placed", Id = "charge-card")]
            public static void Prepare(OrderPlaced order) => Tally.Shared.Ran("charge-card (app)");
        }
        """);

    private static readonly SourceFile LibraryFunctions = new("Orders.cs", """
        using AttrFanout;

        namespace Shop;

        [Event("order/placed")]
        public sealed partial record OrderPlaced(string OrderId);

        public static class Stock
        {
            [OnEvent("order/placed", Id = "reserve-stock")]
            public static void Reserve(OrderPlaced order) => Tally.Shared.Ran("reserve-stock");
        }

        public sealed class Billing(Tally tally)
        {
            [OnEvent("order/placed", Id = "charge-card")]
            public Task Charge(OrderPlaced order, CancellationToken cancellationToken)
            {
                tally.Ran("charge-card");
                return Task.CompletedTask;
            }
        }
        """);
}
