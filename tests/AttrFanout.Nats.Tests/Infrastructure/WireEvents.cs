using System.Text;
using AttrFanout.Nats.Wire;

namespace AttrFanout.Nats.Tests.Infrastructure;

internal static class WireEvents
{
    private static readonly DateTimeOffset Time = new(2026, 11, 28, 5, 0, 0, TimeSpan.Zero);

    public static WireEvent Create(string name, string? id = null, string payload = "{}") =>
        new(id ?? Guid.NewGuid().ToString("N"), name, Time, Encoding.UTF8.GetBytes(payload), null);
}
