using System.Text;

namespace AttrFanout.Sqlite.Tests;

internal static class Events
{
    public static EventToAccept Create(string id, string name = "user/signup", params string[] functions) =>
        new(id, name, TestDatabase.Start, Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}"), Runs(functions.Length == 0 ? ["send-welcome-email", "track-signup"] : functions));

    public static RunToCreate[] Runs(params string[] functions) => functions.Select(f => new RunToCreate(f, 5)).ToArray();
}
