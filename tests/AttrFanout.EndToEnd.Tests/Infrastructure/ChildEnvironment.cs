namespace AttrFanout.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The environment of the dotnet processes the tests start: without the MSBuild variables the test host inherits
/// from <c>dotnet test</c>, and without build servers that would outlive the test.
/// </summary>
internal static class ChildEnvironment
{
    public static void Apply(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.Where(static k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            environment.Remove(name);
        }

        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
    }
}
