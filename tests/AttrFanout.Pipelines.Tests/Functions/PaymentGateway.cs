namespace AttrFanout.Pipelines.Tests.Functions;

/// <summary>A payment gateway that is down until a given time on the test's clock.</summary>
public sealed class PaymentGateway(TimeProvider time, DateTimeOffset downUntil)
{
    public void Charge(string orderId)
    {
        if (time.GetUtcNow() < downUntil)
        {
            throw new GatewayDownException($"The gateway is down; order '{orderId}' was not charged.");
        }
    }
}

public sealed class GatewayDownException(string message) : Exception(message);
