namespace AttrFanout.EndToEnd.Tests.Infrastructure;

/// <summary>The dotnet commands the tests run, each bounded by a timeout.</summary>
internal static class DotNet
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    private static readonly string[] BuildSwitches = ["-c", "Release", "-nodeReuse:false", "-tl:off", "-p:UseSharedCompilation=false"];

    private static string Executable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static Task<ProcessResult> PackAsync(string project, string version, string outputDirectory, string artifactsDirectory) =>
        RunAsync(Path.GetDirectoryName(project)!, BuildTimeout,
            ["pack", project, "-o", outputDirectory, "--artifacts-path", artifactsDirectory, $"-p:Version={version}", .. BuildSwitches]);

    public static Task<ProcessResult> BuildAsync(string projectDirectory) =>
        RunAsync(projectDirectory, BuildTimeout, ["build", .. BuildSwitches]);

    /// <summary>Runs an app <see cref="BuildAsync"/> built, from its output folder.</summary>
    public static Task<ProcessResult> RunBuiltAsync(string projectDirectory)
    {
        var name = Path.GetFileName(projectDirectory);
        var dll = Path.Combine(projectDirectory, "bin", "Release", "net10.0", name + ".dll");
        return RunAsync(projectDirectory, RunTimeout, [dll]);
    }

    private static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, string[] arguments) =>
        ProcessRunner.RunAsync(Executable, arguments, workingDirectory, timeout);
}
