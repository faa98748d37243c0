using AttrFanout.Generated;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Triggers;

/// <summary>The runtime side of several triggers: a trigger's descriptor casts the payload, and the catalog groups triggers by Id.</summary>
public sealed class TriggerDescriptorTests
{
    private interface IGreeting
    {
        string Name { get; }
    }

    private sealed record Signup(string Name) : IGreeting;

    private sealed record Unrelated(string Name);

    [Fact]
    public async Task A_trigger_descriptor_hands_the_handler_its_payload_cast_to_the_parameter_type_and_filters_it()
    {
        IGreeting? received = null;
        var descriptor = new FunctionDescriptor<IGreeting>("greet", "user/signup", (_, e, _, _) =>
        {
            received = e.Data;
            return default;
        })
        { When = static g => g.Name.Length > 2 };
        var signup = new Signup("Ada");
        var envelope = new Event<Signup>("e1", "user/signup", DateTimeOffset.UnixEpoch, signup);
        using var services = new ServiceCollection().BuildServiceProvider();

        await descriptor.InvokeAsync(services, envelope, null!, CancellationToken.None);

        Assert.Same(signup, received);
        Assert.True(descriptor.Accepts(envelope));
        Assert.False(descriptor.Accepts(new Event<Signup>("e2", "user/signup", DateTimeOffset.UnixEpoch, new Signup("Al"))));
        var error = Assert.Throws<InvalidOperationException>(
            () => descriptor.InvokeAsync(services, new Event<Unrelated>("e3", "user/signup", DateTimeOffset.UnixEpoch, new Unrelated("x")), null!, CancellationToken.None));
        Assert.Contains("'greet'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_lists_a_function_once_and_its_triggers_in_registration_order()
    {
        var builder = new FanoutModuleBuilder(new ServiceCollection());
        builder.AddFunction(Trigger("greet", "user/signup", "App.Greet"));
        builder.AddFunction(Trigger("greet", "user/reactivated", "App.Greet"));
        builder.AddFunction(Trigger("greet", "user/signup", "App.Greet"));
        builder.AddFunction(Trigger("audit", "user/signup", "App.Audit"));

        var catalog = FunctionCatalog.Create(builder);

        Assert.Equal(["greet", "audit"], catalog.Functions.Select(static f => f.Id));
        Assert.Equal(["user/signup", "user/reactivated"], catalog.GetTriggers("greet").Select(static t => t.EventName));
        Assert.Equal(["greet", "audit"], catalog.GetFunctions("user/signup").ToArray().Select(static f => f.Id));
        Assert.Equal(["greet"], catalog.GetFunctions("user/reactivated").ToArray().Select(static f => f.Id));
        Assert.True(catalog.TryGetFunction("greet", out var greet));
        Assert.Equal("user/signup", greet.EventName);
    }

    [Fact]
    public void Two_handlers_with_one_Id_are_still_refused()
    {
        var builder = new FanoutModuleBuilder(new ServiceCollection());
        builder.AddFunction(Trigger("greet", "user/signup", "App.Greet"));
        builder.AddFunction(Trigger("greet", "user/reactivated", "App.WelcomeBack"));

        var error = Assert.Throws<AttrFanoutConfigurationException>(() => FunctionCatalog.Create(builder));

        Assert.Contains("AF0001", error.Message, StringComparison.Ordinal);
    }

    private static FunctionDescriptor Trigger(string id, string eventName, string handler) =>
        new FunctionDescriptor<object>(id, eventName, static (_, _, _, _) => default) { Handler = handler };
}
