using System.Text.Json.Serialization;

namespace AttrFanout.Serialization.Tests.Payloads;

/// <summary>An abstract base written with a discriminator naming the subtype.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(Circle), "circle")]
[JsonDerivedType(typeof(Square), "square")]
public abstract class Shape
{
    public string Name { get; set; } = "";
}

/// <summary>A subtype of <see cref="Shape"/>.</summary>
public sealed class Circle : Shape
{
    public double Radius { get; set; }
}

/// <summary>Another subtype of <see cref="Shape"/>.</summary>
public sealed class Square : Shape
{
    public double Side { get; set; }
}

/// <summary>A concrete base with subtypes, and the default discriminator.</summary>
[JsonDerivedType(typeof(Refund), typeDiscriminator: 1)]
public class Payment
{
    public decimal Amount { get; set; }
}

/// <summary>A subtype of <see cref="Payment"/>.</summary>
public sealed class Refund : Payment
{
    public string Reason { get; set; } = "";
}

/// <summary>A payload whose members are polymorphic.</summary>
[Event("parity/drawn")]
public sealed partial record Drawn(Shape Main, List<Shape> Shapes, Payment Payment, List<Payment> Payments);
