using System.Text.Json.Nodes;

namespace AttrFanout.Dashboard.Tests.Infrastructure;

/// <summary>
/// Runs samples/Dashboard/send-event.mjs with <c>node</c>: an event sent from outside .NET with Node.js's built-in fetch.
/// Fails, never skips, when Node.js is missing.
/// </summary>
internal static class NodeFetch
{
    public static async Task<(int Status, JsonObject Body)> SendAsync(string url, string key, string json)
    {
        var printed = await NodeScript.RunAsync(Path.Combine(Repository.Root, "samples", "Dashboard", "send-event.mjs"), workingDirectory: null, url, key, json);
        var answer = JsonNode.Parse(printed)!.AsObject();
        return (answer["status"]!.GetValue<int>(), answer["body"]!.AsObject());
    }
}
