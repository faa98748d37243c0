using AttrFanout.Generators.Emit;
using AttrFanout.Generators.Model;
using AttrFanout.Generators.Model.Json;
using AttrFanout.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AttrFanout.Generators;

/// <summary>
/// Finds <c>[OnEvent]</c> handlers and <c>[Event]</c> payload types and emits the dispatch table, the payload
/// plumbing, the payloads' JSON metadata and the <c>AddAttrFanout()</c> registration that composes the modules of referenced projects.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FanoutGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var functions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.OnEventAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => FunctionParser.Parse(ctx, ct))
            .Where(static f => f is not null)
            .Select(static (f, _) => f!)
            .WithTrackingName(TrackingNames.Functions);

        var events = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.EventAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => EventParser.Parse(ctx, ct))
            .Where(static e => e is not null)
            .Select(static (e, _) => e!)
            .WithTrackingName(TrackingNames.Events);

        var assembly = context.CompilationProvider
            .Select(static (compilation, ct) => AssemblyParser.Parse(compilation, ct))
            .WithTrackingName(TrackingNames.Assembly);

        var dispatch = functions.Collect()
            .Combine(events.Collect())
            .Combine(assembly)
            .Select(static (input, _) => DispatchModel.From(input.Right, input.Left.Right, input.Left.Left))
            .WithTrackingName(TrackingNames.Dispatch);

        var jsonResolver = events.Collect()
            .Combine(assembly)
            .Select(static (input, _) => JsonResolverModel.From(input.Right, input.Left))
            .WithTrackingName(TrackingNames.JsonResolver);

        context.RegisterSourceOutput(events, static (spc, model) => spc.AddSource(PayloadEmitter.HintName(model), PayloadEmitter.Emit(model)));
        context.RegisterSourceOutput(dispatch, static (spc, model) => Emit(spc, model));
        context.RegisterSourceOutput(jsonResolver, static (spc, model) => Emit(spc, model));
    }

    private static void Emit(SourceProductionContext context, JsonResolverModel model)
    {
        if (model.Assembly.ReferencesRuntime && model.Types.Count > 0)
        {
            context.AddSource(JsonNames.HintName, JsonResolverEmitter.Emit(model));
        }
    }

    private static void Emit(SourceProductionContext context, DispatchModel model)
    {
        if (!model.Assembly.ReferencesRuntime)
        {
            return;
        }

        if (model.HasModule)
        {
            context.AddSource(ModuleEmitter.HintName, ModuleEmitter.Emit(model));
        }

        if (model.Assembly.EmitsRegistration)
        {
            context.AddSource(RegistrationEmitter.HintName, RegistrationEmitter.Emit(model));
        }
    }
}
