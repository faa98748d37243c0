using System.Diagnostics;

namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>
/// Starts Debian's nats-server with JetStream on a local port and a file store; it logs to
/// <see cref="LogDirectory"/>/nats-&lt;port&gt;.log, so a server that ends during a run leaves its last words.
/// </summary>
internal static class NatsServerLauncher
{
    public const string ServerPath = "/usr/sbin/nats-server";

    /// <summary>Where each server's log is kept (the CI prints the tail of one that panicked or stopped on a fatal error).</summary>
    public static readonly string LogDirectory = Path.Combine(Path.GetTempPath(), "attrfanout-nats-logs");

    /// <param name="port">The port to listen on.</param>
    /// <param name="storeDirectory">Where JetStream keeps its files.</param>
    /// <param name="arguments">More arguments, e.g. <c>--user u --pass p</c> or <c>--auth token</c>.</param>
    public static Process Start(int port, string storeDirectory, params string[] arguments)
    {
        Directory.CreateDirectory(storeDirectory);
        Directory.CreateDirectory(LogDirectory);
        var log = Path.Combine(LogDirectory, $"nats-{port}.log");
        var server = Process.Start(new ProcessStartInfo(ServerPath, ["-js", "-a", "127.0.0.1", "-p", port.ToString(), "-sd", storeDirectory, "-l", log, .. arguments])
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
