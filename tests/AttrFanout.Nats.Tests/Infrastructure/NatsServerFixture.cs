using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>Starts a JetStream-enabled nats-server on a free loopback port with a temporary store directory, and stops it.</summary>
public sealed class NatsServerFixture : IAsyncLifetime
{
    private readonly string _storeDirectory = Path.Combine(Path.GetTempPath(), "attrfanout-nats-" + Guid.NewGuid().ToString("N"));
    private Process? _server;
    private int _next;

    public int Port { get; private set; }

    public string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>Gives each test its own stream names and subject prefix on the shared server.</summary>
    public NatsJetStreamOptions NewOptions()
    {
        var n = Interlocked.Increment(ref _next);
        return new NatsJetStreamOptions
        {
            Url = Url,
            StreamName = $"T{n}",
            DeadLetterStreamName = $"T{n}_DEAD",
            SubjectPrefix = $"t{n}",
            Storage = NatsStorage.Memory,
            FetchExpiry = TimeSpan.FromSeconds(2),
        };
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(NatsServerLauncher.ServerPath))
        {
            throw new InvalidOperationException($"{NatsServerLauncher.ServerPath} is missing: install it with 'apt-get install -y nats-server'.");
        }

        Port = FreePort();
        _server = NatsServerLauncher.Start(Port, _storeDirectory);

        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                if (_server.HasExited)
                {
                    throw new InvalidOperationException($"nats-server exited with code {_server.ExitCode}.");
                }

                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"nats-server did not listen on port {Port} within 10 s.");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class NatsCollection : ICollectionFixture<NatsServerFixture>
{
    public const string Name = "nats-server";
}
