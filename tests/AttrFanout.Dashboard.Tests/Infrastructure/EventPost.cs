using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AttrFanout.Dashboard.Tests.Infrastructure;

/// <summary>Posts JSON to the event endpoint and reads its answer.</summary>
internal static class EventPost
{
    public sealed record Answer(HttpStatusCode Status, JsonObject Body)
    {
        public string? Error => Body["error"]?.GetValue<string>();

        public string? Path => Body["path"]?.GetValue<string>();

        public int? Index => Body["index"]?.GetValue<int>();

        public IReadOnlyList<string> Ids => Body["ids"]!.AsArray().Select(static n => n!.GetValue<string>()).ToList();

        public IReadOnlyList<IReadOnlyList<string>> RunIds =>
            Body["runIds"]!.AsArray().Select(static a => (IReadOnlyList<string>)a!.AsArray().Select(static n => n!.GetValue<string>()).ToList()).ToList();

        public IReadOnlyList<string> Duplicates => Body["duplicates"]!.AsArray().Select(static n => n!.GetValue<string>()).ToList();
    }

    public static Task<Answer> SendAsync(HttpClient client, object body, string? key = ShopApp.Key, string path = "/e") =>
        SendRawAsync(client, JsonSerializer.Serialize(body), key, path);

    public static async Task<Answer> SendRawAsync(HttpClient client, string json, string? key = ShopApp.Key, string path = "/e")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    public static object Order(string id, string orderId, object? total = null) => new
    {
        name = "shop/order.placed",
        data = new { orderId, email = $"{orderId}@example.com", total = total ?? 10.5m },
        id,
    };
}
