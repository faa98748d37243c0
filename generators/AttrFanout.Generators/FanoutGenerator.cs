using AttrFanout.Generators.Diagnostics;
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
        var parsedFunctions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.OnEventAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => GeneratorGuard.Parse(ctx, ct, FunctionParser.Parse));
        var parsedSchedules = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.OnScheduleAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => GeneratorGuard.Parse(ctx, ct, ScheduleParser.Parse));
        var functions = parsedFunctions
            .Where(static f => f.Model is not null)
            .SelectMany(static (f, _) => f.Model!.Triggers)
            .WithTrackingName(TrackingNames.Functions);
        var schedules = parsedSchedules
            .Where(static f => f.Model is not null)
            .Select(static (f, _) => f.Model!)
            .WithTrackingName(TrackingNames.Schedules);

        var parsedEvents = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.EventAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => GeneratorGuard.Parse(ctx, ct, EventParser.Parse));
        var events = parsedEvents
            .Where(static e => e.Model is not null)
            .Select(static (e, _) => e.Model!)
            .WithTrackingName(TrackingNames.Events);

        var assembly = context.CompilationProvider
            .Select(static (compilation, ct) => AssemblyParser.Parse(compilation, ct))
            .WithTrackingName(TrackingNames.Assembly);

        var dispatch = functions.Collect()
            .Combine(schedules.Collect())
            .Select(static (input, _) => input.Left.AddRange(input.Right))
            .Combine(events.Collect())
            .Combine(assembly)
            .Select(static (input, _) => DispatchModel.From(input.Right, input.Left.Right, input.Left.Left))
            .WithTrackingName(TrackingNames.Dispatch);

        var jsonResolver = events.Collect()
            .Combine(assembly)
            .Select(static (input, _) => JsonResolverModel.From(input.Right, input.Left))
            .WithTrackingName(TrackingNames.JsonResolver);

        context.RegisterSourceOutput(parsedFunctions.Where(static f => f.Failure is not null), static (spc, f) => spc.ReportDiagnostic(f.Failure!.ToDiagnostic()));
        context.RegisterSourceOutput(parsedSchedules.Where(static f => f.Failure is not null), static (spc, f) => spc.ReportDiagnostic(f.Failure!.ToDiagnostic()));
        context.RegisterSourceOutput(parsedEvents.Where(static e => e.Failure is not null), static (spc, e) => spc.ReportDiagnostic(e.Failure!.ToDiagnostic()));
        context.RegisterSourceOutput(events.Collect(), static (spc, models) => PayloadEmitter.EmitAll(
            models, spc.AddSource, (subject, emit) => GeneratorGuard.Emit(spc.ReportDiagnostic, subject, emit)));
        context.RegisterSourceOutput(dispatch, static (spc, model) => GeneratorGuard.Emit(
            spc.ReportDiagnostic, $"the dispatch table of {model.Assembly.AssemblyName}", () => Emit(spc, model)));
        context.RegisterSourceOutput(jsonResolver, static (spc, model) => GeneratorGuard.Emit(
            spc.ReportDiagnostic, $"the JSON metadata of {model.Assembly.AssemblyName}", () => Emit(spc, model)));
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
