using System.Net;
using System.Net.Sockets;

namespace AttrFanout.Cli.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port nothing listens on, for the tests of an unreachable server.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
