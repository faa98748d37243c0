using System.Text.Json;
using AttrFanout.TestSupport;

namespace AttrFanout.Nats.Tests.Infrastructure;

/// <summary>
/// Runs the Node.js example of the repository (samples/node-sender/send.mjs) with <c>node</c>, as a producer in another
/// language would send an event. Fails, never skips, when Node.js or the example's packages are missing.
/// </summary>
internal static class NodeSender
{
    private const string SampleFolder = "samples/node-sender";

    /// <summary>What the example printed: the event Id, the subject, and the server's acknowledgement.</summary>
    public sealed record Sent(string Id, string Subject, string Stream, ulong Seq, bool Duplicate);

    /// <summary>Runs <c>node send.mjs</c> with <paramref name="arguments"/> and reads the acknowledgement it prints.</summary>
    public static async Task<Sent> SendAsync(params string[] arguments)
    {
        var printed = await NodeScript.RunAsync("send.mjs", SampleDirectory(), arguments);
        return JsonSerializer.Deserialize<Sent>(printed, new JsonSerializerOptions(JsonSerializerDefaults.Web))
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
}
