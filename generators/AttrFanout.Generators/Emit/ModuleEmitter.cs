using AttrFanout.Generators.Model;
using AttrFanout.Generators.Parsing.FlowControl;
using Microsoft.CodeAnalysis.Text;

namespace AttrFanout.Generators.Emit;

/// <summary>Writes an assembly's module: its dispatch table entries, handler registrations and metadata for referencing projects.</summary>
internal static class ModuleEmitter
{
    public const string HintName = "AttrFanoutModule.g.cs";

    private const string GetRequiredService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService";
    private const string GetRequiredKeyedService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService";
    private const string GetService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetService";
    private const string GetKeyedService = "global::Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetKeyedService";

    public static string ModuleFqn(AssemblyModel assembly) => $"global::{assembly.ModuleNamespace}.{KnownNames.ModuleTypeName}";

    /// <summary>
    /// This emits:
    /// <code>
    /// [assembly: FanoutModule(typeof(AttrFanoutModule))]
    /// [assembly: FanoutEvent("user/signup", typeof(UserSignedUp))]
    /// [assembly: FanoutFunction("send-welcome-email", "user/signup", "MyApp.Welcome.Send")]
    /// public sealed class AttrFanoutModule : IFanoutModule
    /// {
    ///     public void Register(FanoutModuleBuilder builder)
    ///     {
    ///         builder.AddEvent(new EventDescriptor&lt;UserSignedUp&gt;("user/signup", AttrFanoutJsonResolver.Instance));
    ///         builder.AddFunction(new FunctionDescriptor&lt;UserSignedUp&gt;("send-welcome-email", "user/signup", static (...) => ...) { ... });
    ///         TryAddScoped&lt;Welcome&gt;(builder.Services, static services => new Welcome(...));
    ///     }
    /// }
    /// </code>
    /// </summary>
    public static SourceText Emit(DispatchModel model)
    {
        var writer = new SourceWriter().WriteFileHeader();
        WriteMetadata(writer, model);
        writer.WriteLine($"namespace {model.Assembly.ModuleNamespace};").WriteLine();
        writer.WriteLine($"/// <summary>The AttrFanout events and functions of <c>{GeneratedCode.XmlText(model.Assembly.AssemblyName)}</c>.</summary>");
        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine(GeneratedCode.HiddenAttribute);
        writer.OpenBlock($"public sealed class {KnownNames.ModuleTypeName} : global::AttrFanout.Generated.IFanoutModule");
        writer.WriteLine("/// <summary>The module's only instance.</summary>");
        writer.WriteLine($"public static readonly {KnownNames.ModuleTypeName} Instance = new();").WriteLine();
        writer.WriteLine("/// <inheritdoc />");
        writer.WriteLine($"public string AssemblyName => {GeneratedCode.Literal(model.Assembly.AssemblyName)};").WriteLine();
        writer.WriteLine("/// <inheritdoc />");
        writer.OpenBlock("public void Register(global::AttrFanout.Generated.FanoutModuleBuilder builder)");
        foreach (var @event in model.Events)
        {
            var resolver = Resolver(@event, model.Assembly) is { } expression ? ", " + expression : "";
            writer.WriteLine($"builder.AddEvent(new global::AttrFanout.EventDescriptor<{@event.TypeFqn}>({GeneratedCode.Literal(@event.Name)}{resolver}));");
        }

        foreach (var function in model.Functions)
        {
            WriteFunction(writer, function);
        }

        foreach (var factory in HandlerFactories(model))
        {
            WriteHandlerRegistration(writer, factory);
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToSourceText();
    }

    /// <summary>The payload's JSON metadata resolver: its <c>JsonContext</c>, the generated resolver (with the naming policy from <c>JsonNaming</c>), or none when AF0011 reported it unsupported.</summary>
    private static string? Resolver(EventModel @event, AssemblyModel assembly) => @event.Json switch
    {
        { ContextFqn: { } context } => context + ".Default",
        { IsSupported: true, NamingPolicy: { } naming } => $"{JsonNames.ResolverFqn(assembly.ModuleNamespace)}.Instance, global::System.Text.Json.JsonNamingPolicy.{naming}",
        { IsSupported: true } => JsonNames.ResolverFqn(assembly.ModuleNamespace) + ".Instance",
        _ => null,
    };

    private static void WriteMetadata(SourceWriter writer, DispatchModel model)
    {
        writer.WriteLine($"[assembly: global::AttrFanout.Generated.FanoutModuleAttribute(typeof({ModuleFqn(model.Assembly)}))]");
        foreach (var @event in model.Events)
        {
            writer.WriteLine($"[assembly: global::AttrFanout.Generated.FanoutEventAttribute({GeneratedCode.Literal(@event.Name)}, typeof({@event.TypeFqn}))]");
        }

        foreach (var function in model.Functions)
        {
            writer.WriteLine($"[assembly: global::AttrFanout.Generated.FanoutFunctionAttribute({GeneratedCode.Literal(function.Id)}, {GeneratedCode.Literal(function.EventName)}, {GeneratedCode.Literal(function.Handler)}{ScopeMetadata(function)})]");
        }

        writer.WriteLine();
    }

    /// <summary>The function's named concurrency scopes as <c>, ConcurrencyScopes = new[] { "openai=50" }</c>, or nothing.</summary>
    private static string ScopeMetadata(FunctionModel function)
    {
        var scopes = function.FlowControl?.Scoped.Select(static c => GeneratedCode.Literal(ScopeLimits.Format(c.Scope!, c.Limit))).ToArray();
        return scopes is null || scopes.Length == 0 ? "" : $", ConcurrencyScopes = new[] {{ {string.Join(", ", scopes)} }}";
    }

    private static void WriteFunction(SourceWriter writer, FunctionModel function)
    {
        writer.WriteLine();
        if (function.HasAnnotatedEnvelope)
        {
            // Event<T?> is already a warning at the user's parameter (T is notnull); passing Event<T> to it adds none here.
            writer.WriteLine("#nullable disable warnings");
        }

        writer.WriteLine($"builder.AddFunction(new global::AttrFanout.FunctionDescriptor<{function.PayloadTypeFqn}>(");
        writer.Indent();
        writer.WriteLine($"{GeneratedCode.Literal(function.Id)},");
        writer.WriteLine($"{GeneratedCode.Literal(function.EventName)},");
        InvokerEmitter.WriteLambda(writer, function, ")");
        writer.Unindent();
        writer.WriteLine("{").Indent();
        writer.WriteLine($"Handler = {GeneratedCode.Literal(function.Handler)},");
        if (function.Retries is { } retries)
        {
            writer.WriteLine($"Retries = {retries},");
        }

        if (function.TimeoutSeconds is { } timeout)
        {
            writer.WriteLine($"Timeout = global::System.TimeSpan.FromSeconds({timeout}),");
        }

        if (function.Concurrency is { } concurrency)
        {
            writer.WriteLine($"Concurrency = {concurrency},");
        }

        if (function.Pipeline is { } pipeline)
        {
            writer.WriteLine($"Pipeline = {GeneratedCode.Literal(pipeline)},");
        }

        if (function.FilterCall is { } filter)
        {
            writer.WriteLine($"When = static p => {filter},");
        }

        if (function.Schedule is { } schedule)
        {
            var timeZone = schedule.TimeZone is null ? "null" : GeneratedCode.Literal(schedule.TimeZone);
            var catchUp = schedule.CatchUp ? " { CatchUp = true }" : "";
            writer.WriteLine($"Schedule = new global::AttrFanout.Schedules.ScheduleRule({GeneratedCode.Literal(schedule.Cron)}, {timeZone}){catchUp},");
        }

        if (!function.IsStatic)
        {
            writer.WriteLine("RequiresServices = true,");
        }

        if (function.FlowControl is { } flowControl)
        {
            FlowControlEmitter.Write(writer, flowControl);
        }

        if (function.Triggers is { } triggers)
        {
            TriggerEmitter.Write(writer, function, triggers);
        }

        writer.CloseBlock(");");
        if (function.HasAnnotatedEnvelope)
        {
            writer.WriteLine("#nullable enable warnings");
        }
    }

    private static IEnumerable<ServiceFactoryModel> HandlerFactories(DispatchModel model) =>
        model.Functions
            .Select(static f => f.Factory)
            .Where(static f => f is not null)
            .Distinct()
            .OrderBy(static f => f!.TypeFqn, StringComparer.Ordinal)!;

    private static void WriteHandlerRegistration(SourceWriter writer, ServiceFactoryModel factory)
    {
        writer.WriteLine();
        writer.WriteLine($"global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddScoped<{factory.TypeFqn}>(");
        writer.Indent();
        writer.WriteLine("builder.Services,");
        if (factory.Arguments.Count == 0)
        {
            writer.WriteLine($"static services => new {factory.TypeFqn}());");
        }
        else
        {
            writer.WriteLine($"static services => new {factory.TypeFqn}(");
            writer.Indent();
            for (var i = 0; i < factory.Arguments.Count; i++)
            {
                var separator = i == factory.Arguments.Count - 1 ? "));" : ",";
                writer.WriteLine(Resolve(factory.Arguments[i]) + separator);
            }

            writer.Unindent();
        }

        writer.Unindent();
    }

    private static string Resolve(ConstructorArgumentModel argument) => (argument.ServiceKey, argument.IsOptional) switch
    {
        (null, false) => $"{GetRequiredService}<{argument.TypeFqn}>(services)",
        (null, true) => $"{GetService}<{argument.TypeFqn}>(services)",
        (var key, false) => $"{GetRequiredKeyedService}<{argument.TypeFqn}>(services, {key})",
        (var key, true) => $"{GetKeyedService}<{argument.TypeFqn}>(services, {key})",
    };
}
