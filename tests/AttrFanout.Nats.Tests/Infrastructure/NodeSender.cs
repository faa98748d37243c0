using System.Diagnostics;
using System.Text.Json;

namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>
/// Runs the Node.js example of the repository (samples/node-sender/send.mjs) with <c>node</c>, as a producer in another
/// language would send an event. Fails, never skips, when Node.js or the example's packages are missing.
/// </summary>
internal static class NodeSender
{
    private const string SampleFolder = "samples/node-sender";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>What the example printed: the event Id, the subject, and the server's acknowledgement.</summary>
    public sealed record Sent(string Id, string Subject, string Stream, ulong Seq, bool Duplicate);

    /// <summary>Runs <c>node send.mjs</c> with <paramref name="arguments"/> and reads the acknowledgement it prints.</summary>
    public static async Task<Sent> SendAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Node(), ["send.mjs", .. arguments])
        {
            WorkingDirectory = SampleDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"'{start.FileName}' did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"node send.mjs did not end within {Bound.TotalSeconds} s.");
        }

        var printed = await output;
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"node send.mjs exited with code {process.ExitCode}: {await errors}{printed}");
        }

        return JsonSerializer.Deserialize<Sent>(printed.Trim(), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new Xunit.Sdk.XunitException($"node send.mjs printed no acknowledgement: '{printed}'.");
    }

    /// <summary>The example's folder, found upwards from the test's output folder, with its packages installed.</summary>
    private static string SampleDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var sample = Path.Combine(directory.FullName, SampleFolder);
            if (File.Exists(Path.Combine(sample, "package.json")))
            {
                return Directory.Exists(Path.Combine(sample, "node_modules", "nats"))
                    ? sample
                    : throw new InvalidOperationException($"The example's packages are not installed: run 'npm ci' in {sample} (./test.sh --install-only does).");
            }
        }

        throw new InvalidOperationException($"No {SampleFolder}/package.json above {AppContext.BaseDirectory}.");
    }

    /// <summary>The <c>node</c> (or Debian's older <c>nodejs</c>) executable on the PATH.</summary>
    private static string Node()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in new[] { "node", "nodejs" })
        {
            foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("Node.js is not installed (no 'node' on the PATH): install it with 'apt-get install -y nodejs npm' (./test.sh --install-only does).");
    }
}
