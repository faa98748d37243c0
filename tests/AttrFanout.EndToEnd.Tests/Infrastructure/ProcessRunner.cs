using System.Diagnostics;
using System.Text;

namespace AttrFanout.EndToEnd.Tests.Infrastructure;

/// <summary>Runs a process with a timeout and captures stdout and stderr, interleaved as they arrive.</summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    public static async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ChildEnvironment.Apply(start.Environment);

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        process.OutputDataReceived += (_, e) => Append(output, e.Data, "");
        process.ErrorDataReceived += (_, e) => Append(output, e.Data, "stderr: ");

        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = await Task.WhenAny(exited.Task, Task.Delay(timeout)) != exited.Task;
        if (timedOut)
        {
            Kill(process);
        }

        // A server a build leaves behind may keep the pipes open: read what is there, never wait on it for long.
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(DrainGrace));
        var command = $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)}";
        var exitCode = process.HasExited ? process.ExitCode : -1;
        lock (output)
        {
            return new ProcessResult(command, exitCode, timedOut, clock.Elapsed, output.ToString());
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
    }

    private static void Append(StringBuilder output, string? line, string prefix)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(prefix).AppendLine(line);
        }
    }
}
