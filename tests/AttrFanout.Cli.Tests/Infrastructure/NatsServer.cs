using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AttrFanout.Nats;

namespace AttrFanout.Cli.Tests.Infrastructure;

/// <summary>A JetStream nats-server (Debian's, /usr/sbin) on a free loopback port with a temporary store, for the tests of one class.</summary>
public sealed class NatsServer : IAsyncLifetime
{
    private const string ServerPath = "/usr/sbin/nats-server";
    private readonly string _storeDirectory = Directory.CreateTempSubdirectory("attrfanout-cli-nats-").FullName;
    private Process? _server;
    private int _streams;

    public string Url { get; private set; } = "";

    /// <summary>Gives each test a stream, dead-letter stream and subject prefix of its own.</summary>
    public NatsJetStreamOptions NewStream()
    {
        var n = Interlocked.Increment(ref _streams);
        return new NatsJetStreamOptions { Url = Url, StreamName = $"CLI{n}", DeadLetterStreamName = $"CLI{n}_DEAD", SubjectPrefix = $"cli{n}" };
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ServerPath))
        {
            throw new InvalidOperationException($"{ServerPath} is missing: install it with 'apt-get install -y nats-server' (./test.sh does).");
        }

        var port = FreePort();
        Url = $"nats://127.0.0.1:{port}";
        _server = Process.Start(new ProcessStartInfo(ServerPath, ["-js", "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-sd", _storeDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _server.OutputDataReceived += static (_, _) => { };
        _server.ErrorDataReceived += static (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await Poll.UntilAsync(() => Task.FromResult(Listens(port) || _server.HasExited), static ready => ready, "nats-server to listen");
        if (_server.HasExited)
        {
            throw new InvalidOperationException($"nats-server exited with code {_server.ExitCode}.");
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(_storeDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A loopback port nothing listens on (for the unreachable-server test).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listens(int port)
    {
        try
        {
            using var probe = new TcpClient();
            probe.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
