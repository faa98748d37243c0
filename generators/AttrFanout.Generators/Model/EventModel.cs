using AttrFanout.Generators.Model.Json;

namespace AttrFanout.Generators.Model;

/// <summary>One valid <c>[Event]</c> payload type, how to reopen its partial declaration and how its payload is serialized.</summary>
/// <param name="IsRegistered">
/// Whether the event goes into the dispatch table and JSON metadata: false when the analyzers reject its name (AF0005) or
/// generated code cannot name the type (AF0014); its payload plumbing is emitted either way, so sends of it still compile.
/// </param>
/// <param name="Namespace">The namespace as written in code, keywords escaped, or null for the global namespace.</param>
internal sealed record EventModel(
    string Name,
    string TypeFqn,
    string? Namespace,
    EquatableArray<TypeDeclarationModel> Declarations,
    EventJsonModel Json,
    EventNameConstant Constant,
    bool IsRegistered);

/// <summary>How the generated <c>EventName</c> constant fits beside the payload type's own members.</summary>
internal enum EventNameConstant
{
    /// <summary>Emit <c>public const string EventName</c>.</summary>
    Declare,

    /// <summary>A base type has an accessible <c>EventName</c> (e.g. it is an <c>[Event]</c> record too): emit it with <c>new</c>.</summary>
    DeclareHidingInherited,

    /// <summary>The payload has its own member named <c>EventName</c>: emit only the interface implementation, with the literal.</summary>
    Omit,
}

/// <summary>A partial type declaration to reopen: the payload type itself last, its containing types before it.</summary>
/// <param name="Keyword">The declaration keyword(s), e.g. <c>record</c>, <c>record struct</c>, <c>class</c>.</param>
/// <param name="Name">The type name as a C# identifier, keywords escaped.</param>
internal sealed record TypeDeclarationModel(string Keyword, string Name);
