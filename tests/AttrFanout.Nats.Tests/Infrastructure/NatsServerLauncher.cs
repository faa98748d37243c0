using System.Diagnostics;

namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>Starts Debian's nats-server with JetStream on a local port and a file store, its output drained.</summary>
internal static class NatsServerLauncher
{
    public const string ServerPath = "/usr/sbin/nats-server";

    public static Process Start(int port, string storeDirectory)
    {
        Directory.CreateDirectory(storeDirectory);
        var server = Process.Start(new ProcessStartInfo(ServerPath, ["-js", "-a", "127.0.0.1", "-p", port.ToString(), "-sd", storeDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("nats-server did not start.");
        server.OutputDataReceived += static (_, _) => { };
        server.ErrorDataReceived += static (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        return server;
    }
}
