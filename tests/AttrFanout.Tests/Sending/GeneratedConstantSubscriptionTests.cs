using System.Collections.Concurrent;
using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Checkout = AttrFanout.Tests.Sending.CartCheckedOut;

namespace AttrFanout.Tests.Sending;

[Event("tests/sending.cart.checked_out")]
public sealed partial record CartCheckedOut(string CartId);

public static class CheckoutNames
{
    public const string CheckedOut = CartCheckedOut.EventName;
}

public sealed class CheckoutLedger
{
    public ConcurrentQueue<string> Handled { get; } = new();
}

public static class CheckoutFunctions
{
    [OnEvent(CartCheckedOut.EventName, Id = "checkout-by-constant")]
    public static void ByConstant(CartCheckedOut cart, FunctionContext context) => Record(context, "constant");

    [OnEvent(global::AttrFanout.Tests.Sending.CartCheckedOut.EventName, Id = "checkout-by-global-name")]
    public static void ByGlobalName(CartCheckedOut cart, FunctionContext context) => Record(context, "global");

    [OnEvent(Checkout.EventName, Id = "checkout-by-alias")]
    public static void ByAlias(Checkout cart, FunctionContext context) => Record(context, "alias");

    [OnEvent(CheckoutNames.CheckedOut, Id = "checkout-by-user-constant")]
    public static void ByUserConstant(CartCheckedOut cart, FunctionContext context) => Record(context, "user-constant");

    private static void Record(FunctionContext context, string form) =>
        context.Services.GetRequiredService<CheckoutLedger>().Handled.Enqueue(form);
}

public sealed class GeneratedConstantSubscriptionTests
{
    [Fact]
    public async Task A_function_subscribed_through_the_generated_constant_runs_when_the_event_is_sent()
    {
        await using var app = TestApp.Create(services: s => s.AddSingleton<CheckoutLedger>());

        var result = await app.Sender.SendAsync(new CartCheckedOut("cart-1"));
        var runs = await app.CompletionOf(result.RunIds);

        Assert.Equal(
            ["checkout-by-alias", "checkout-by-constant", "checkout-by-global-name", "checkout-by-user-constant"],
            runs.Select(static r => r.FunctionId).Order(StringComparer.Ordinal));
        Assert.All(runs, static r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.Equal(["alias", "constant", "global", "user-constant"], app.Get<CheckoutLedger>().Handled.Order(StringComparer.Ordinal));
    }
}
