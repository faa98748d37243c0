using System.Diagnostics;

namespace AttrFanout.TestSupport;

/// <summary>
/// Runs a JavaScript file with <c>node</c>, as a program in another language would talk to AttrFanout, and returns what it
/// printed. Fails, never skips, when Node.js is missing, the script fails or it does not end within its bound.
/// </summary>
internal static class NodeScript
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>node <paramref name="script"/> <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    /// <returns>The script's standard output, trimmed.</returns>
    public static async Task<string> RunAsync(string script, string? workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Node(), [script, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        var name = Path.GetFileName(script);
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
            throw new Xunit.Sdk.XunitException($"node {name} did not end within {Bound.TotalSeconds} s.");
        }

        var printed = await output;
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"node {name} exited with code {process.ExitCode}: {await errors}{printed}");
        }

        return printed.Trim();
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
