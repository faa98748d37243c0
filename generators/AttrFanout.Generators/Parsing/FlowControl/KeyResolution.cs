using AttrFanout.Generators.Model.FlowControl;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Parsing.FlowControl;

/// <summary>What a written key resolves to: its model, or why it cannot be read; and the key's type when it has no stable text form.</summary>
internal sealed class KeyResolution
{
    private KeyResolution(KeyModel? model, DiagnosticDescriptor? problem, string? reason, string? unstableType, string? suggestion = null)
    {
        Suggestion = suggestion;
        Model = model;
        Problem = problem;
        Reason = reason;
        UnstableType = unstableType;
    }

    public KeyModel? Model { get; }

    /// <summary>AF0022 (member path) or AF0023 (key method), or null when the key resolved.</summary>
    public DiagnosticDescriptor? Problem { get; }

    /// <summary>Why the key cannot be read, for the message of <see cref="Problem"/>.</summary>
    public string? Reason { get; }

    /// <summary>The whole key with an unknown member replaced by the nearest readable one, e.g. <c>Account.Id</c> for <c>Acount.Id</c>, or null.</summary>
    public string? Suggestion { get; }

    /// <summary>The key's type as shown in messages when it has no stable text form (AF0032), else null.</summary>
    public string? UnstableType { get; }

    /// <summary>The type of the key's value before it becomes text, or null when the key did not resolve.</summary>
    public ITypeSymbol? ValueType { get; private init; }

    public static KeyResolution Resolved(KeyModel model, string? unstableType, ITypeSymbol valueType) => new(model, null, null, unstableType) { ValueType = valueType };

    public static KeyResolution Failed(DiagnosticDescriptor problem, string reason, string? suggestion = null) => new(null, problem, reason, null, suggestion);
}
