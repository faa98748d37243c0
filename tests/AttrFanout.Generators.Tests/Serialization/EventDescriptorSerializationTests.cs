using System.Text.Json.Serialization.Metadata;

namespace AttrFanout.Generators.Tests.Serialization;

/// <summary>The runtime contract for events registered by hand, without the generated resolver.</summary>
public sealed class EventDescriptorSerializationTests
{
    [Fact]
    public void An_event_registered_without_a_resolver_cannot_serialize_and_says_how_to_fix_it()
    {
        var descriptor = new EventDescriptor<Guid>("hand/made");

        var error = Assert.Throws<PayloadSerializationException>(() => descriptor.Serialize(Guid.Empty));

        Assert.False(descriptor.CanSerializePayload);
        Assert.Equal("hand/made", error.EventName);
        Assert.Equal(typeof(Guid), error.PayloadType);
        Assert.Contains("IJsonTypeInfoResolver", error.Message, StringComparison.Ordinal);
        Assert.Throws<PayloadSerializationException>(() => descriptor.DeserializeEnvelope("id", DateTimeOffset.UnixEpoch, "{}"u8));
    }

    [Fact]
    public void A_resolver_without_metadata_for_the_payload_type_fails_clearly()
    {
        var descriptor = new EventDescriptor<Guid>("hand/made", JsonTypeInfoResolver.Combine());

        var error = Assert.Throws<PayloadSerializationException>(() => descriptor.Serialize(Guid.Empty));

        Assert.Contains("JSON metadata for the payload type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_untyped_path_rejects_a_payload_of_another_type()
    {
        var descriptor = new EventDescriptor<Guid>("hand/made", JsonTypeInfoResolver.Combine());

        var error = Assert.Throws<ArgumentException>(() => descriptor.SerializePayload("not a guid"));

        Assert.Contains("'System.Guid', not 'System.String'", error.Message, StringComparison.Ordinal);
    }
}
