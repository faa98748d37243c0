using AttrFanout.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace AttrFanout.Generators.Emit;

/// <summary>Writes the typed payload plumbing of one <c>[Event]</c> type.</summary>
internal static class PayloadEmitter
{
    private const string HintSuffix = ".Event.g.cs";

    /// <summary>Writes the plumbing of every event type, each in its own file, the same type once.</summary>
    public static void EmitAll(IEnumerable<EventModel> models, Action<string, SourceText> addSource, Action<string, Action> guard)
    {
        var byType = new Dictionary<string, EventModel>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            byType[model.TypeFqn] = model;
        }

        foreach (var (fqn, hintName) in HintNames.ForTypes(byType.Keys, HintSuffix))
        {
            guard(fqn, () => addSource(hintName, Emit(byType[fqn])));
        }
    }

    /// <summary>
    /// This emits:
    /// <code>
    /// partial record UserSignedUp : global::AttrFanout.IEventPayload
    /// {
    ///     public const string EventName = "user/signup";
    ///     static string global::AttrFanout.IEventPayload.EventName => EventName;
    /// }
    /// </code>
    /// The constant is declared <c>new</c> when a base type has one, and left out when the payload has its own <c>EventName</c> member.
    /// </summary>
    public static SourceText Emit(EventModel model)
    {
        var writer = new SourceWriter().WriteFileHeader();
        if (model.Namespace is not null)
        {
            writer.WriteLine($"namespace {model.Namespace};").WriteLine();
        }

        var declarations = model.Declarations;
        for (var i = 0; i < declarations.Count - 1; i++)
        {
            writer.OpenBlock($"partial {declarations[i].Keyword} {declarations[i].Name}");
        }

        var payload = declarations[declarations.Count - 1];
        writer.OpenBlock($"partial {payload.Keyword} {payload.Name} : global::AttrFanout.IEventPayload");
        var literal = GeneratedCode.Literal(model.Name);
        if (model.Constant != EventNameConstant.Omit)
        {
            var modifiers = model.Constant == EventNameConstant.DeclareHidingInherited ? "public new const" : "public const";
            writer.WriteLine($"/// <summary>The name of the event this type is the payload of: <c>{GeneratedCode.XmlText(model.Name)}</c>.</summary>");
            writer.WriteLine(GeneratedCode.Attribute);
            writer.WriteLine($"{modifiers} string EventName = {literal};");
            writer.WriteLine();
        }

        writer.WriteLine(GeneratedCode.Attribute);
        writer.WriteLine($"static string global::AttrFanout.IEventPayload.EventName => {(model.Constant == EventNameConstant.Omit ? literal : "EventName")};");
        writer.CloseBlock();

        for (var i = 0; i < declarations.Count - 1; i++)
        {
            writer.CloseBlock();
        }

        return writer.ToSourceText();
    }
}
