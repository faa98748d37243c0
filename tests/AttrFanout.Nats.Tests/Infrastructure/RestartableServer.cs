using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>A JetStream nats-server of one test's own, on a free port with a file store, that the test stops and starts again.</summary>
/// <param name="arguments">More server arguments, e.g. <c>--user u --pass p</c> or <c>--auth token</c> for a secured server.</param>
internal sealed class RestartableServer(params string[] arguments) : IAsyncDisposable
{
    private readonly string _storeDirectory = Path.Combine(Path.GetTempPath(), "attrfanout-nats-restart-" + Guid.NewGuid().ToString("N"));
    private Process? _server;

    public int Port { get; } = FreePort();

    public string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>Starts the server (again, on the same port and store) and waits until it listens.</summary>
    public async Task StartAsync()
    {
        _server = NatsServerLauncher.Start(Port, _storeDirectory, arguments);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops the server's process without closing its connections (SIGSTOP), as a hung server or a network partition would: nothing is answered, and the clients do not notice.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>Lets a paused server go on (SIGCONT).</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    /// <summary>Kills the server, as a crash or a restart would.</summary>
    public async Task StopAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        _server = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_storeDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _server!.Id.ToString()]) ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} exited with code {kill.ExitCode}.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
