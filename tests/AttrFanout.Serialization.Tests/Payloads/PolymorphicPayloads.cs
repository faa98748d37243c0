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

/// <summary>An interface whose implementations are listed for polymorphism.</summary>
[JsonDerivedType(typeof(EmailChannel), "email")]
[JsonDerivedType(typeof(SmsChannel), "sms")]
public interface IChannel
{
    string Target { get; }
}

/// <summary>An implementation of <see cref="IChannel"/>.</summary>
public sealed class EmailChannel : IChannel
{
    public string Target { get; set; } = "";

    public bool Html { get; set; }
}

/// <summary>Another implementation of <see cref="IChannel"/>.</summary>
public sealed record SmsChannel(string Target, int Segments) : IChannel;

/// <summary>A payload whose members are typed by an interface with subtypes.</summary>
[Event("parity/notified")]
public sealed partial record Notified(IChannel Primary, List<IChannel> Fallbacks);
