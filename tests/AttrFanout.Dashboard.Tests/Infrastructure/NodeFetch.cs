using System.Diagnostics;
using System.Text.Json.Nodes;

namespace AttrFanout.Dashboard.Tests.Infrastructure;

/// <summary>
/// Runs samples/Dashboard/send-event.mjs with <c>node</c>: an event sent from outside .NET with Node.js's built-in fetch.
/// Fails, never skips, when Node.js is missing.
/// </summary>
internal static class NodeFetch
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static async Task<(int Status, JsonObject Body)> SendAsync(string url, string key, string json)
    {
        var start = new ProcessStartInfo(Node(), [Path.Combine(Repository.Root, "samples", "Dashboard", "send-event.mjs"), url, key, json])
        {
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
            throw new Xunit.Sdk.XunitException($"node send-event.mjs did not end within {Bound.TotalSeconds} s.");
        }

        var printed = await output;
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"node send-event.mjs exited with code {process.ExitCode}: {await errors}{printed}");
        }

        var answer = JsonNode.Parse(printed.Trim())!.AsObject();
        return (answer["status"]!.GetValue<int>(), answer["body"]!.AsObject());
    }

    private static string Node()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "node", "nodejs" })
            {
                if (File.Exists(Path.Combine(folder, name)))
                {
                    return Path.Combine(folder, name);
                }
            }
        }

        throw new InvalidOperationException("Node.js is not installed (no 'node' on the PATH): install it with 'apt-get install -y nodejs' (./test.sh --install-only does).");
    }
}
