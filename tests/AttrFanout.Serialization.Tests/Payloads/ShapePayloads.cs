using System.Text.Json.Serialization;

namespace AttrFanout.Serialization.Tests.Payloads;

/// <summary>A struct payload with a parameterized constructor whose parameters come in another order than the members.</summary>
[Event("parity/struct")]
public readonly partial struct Sample
{
    [JsonConstructor]
    public Sample(double value, string sensor, int retries = 3)
    {
        Sensor = sensor;
        Value = value;
        Retries = retries;
    }

    public string Sensor { get; }

    public double Value { get; }

    public int Retries { get; }
}

/// <summary>A closed generic type, reached from a payload.</summary>
public sealed class Page<T>
{
    public List<T> Items { get; set; } = [];

    public string? Next { get; set; }
}

/// <summary>A recursive type.</summary>
public sealed record TreeNode(string Name, List<TreeNode> Children);

/// <summary>Required members, [JsonRequired], generics and recursion.</summary>
[Event("parity/shapes")]
public sealed partial class Shapes
{
    public required string Id { get; init; }

    [JsonRequired]
    public int Version { get; set; }

    public Page<Sample> Readings { get; set; } = new();

    public Page<string>? Names { get; set; }

    public TreeNode? Tree { get; set; }

    public Sample? Latest { get; set; }
}
