using AttrFanout.Generators.Model.Json;

namespace AttrFanout.Generators.Model;

/// <summary>One valid <c>[Event]</c> payload type, how to reopen its partial declaration and how its payload is serialized.</summary>
/// <param name="Namespace">The namespace as written in code, keywords escaped, or null for the global namespace.</param>
internal sealed record EventModel(
    string Name,
    string TypeFqn,
    string? Namespace,
    EquatableArray<TypeDeclarationModel> Declarations,
    EventJsonModel Json);

/// <summary>A partial type declaration to reopen: the payload type itself last, its containing types before it.</summary>
/// <param name="Keyword">The declaration keyword(s), e.g. <c>record</c>, <c>record struct</c>, <c>class</c>.</param>
/// <param name="Name">The type name as a C# identifier, keywords escaped.</param>
internal sealed record TypeDeclarationModel(string Keyword, string Name);
