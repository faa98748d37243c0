namespace AttrFanout.Dashboard.Tests.Infrastructure;

/// <summary>The repository's root folder, found upwards from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AttrFanout.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AttrFanout.sln above {AppContext.BaseDirectory}.");
    }
}
