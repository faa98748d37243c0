using System.Net;
using AttrFanout.Dashboard.Tests.Infrastructure;

namespace AttrFanout.Dashboard.Tests;

/// <summary>
/// The HTTP event endpoint of the Dashboard sample on its SQLite file. "Nothing accepted" is proven by sending the refused
/// event's Id again with a valid request: had the refused request stored it, the second send would be a duplicate.
/// </summary>
public sealed class EventEndpointTests : IAsyncLifetime
{
    private readonly ShopApp _app = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task No_key_is_refused_with_401_and_nothing_is_accepted()
    {
        var refused = await EventPost.SendAsync(_client, EventPost.Order("no-key-1", "o-1"), key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("No event key", refused.Error);
        await AssertNotAcceptedAsync("no-key-1");
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_401_never_echoed_and_nothing_is_accepted()
    {
        const string wrong = "test-key-4f1c2b";
        var refused = await EventPost.SendAsync(_client, EventPost.Order("wrong-key-1", "o-1"), key: wrong);
        var inPath = await EventPost.SendAsync(_client, EventPost.Order("wrong-key-1", "o-1"), key: null, path: "/e/" + wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, inPath.Status);
        Assert.DoesNotContain(wrong, refused.Body.ToJsonString());
        Assert.DoesNotContain(wrong, inPath.Body.ToJsonString());
        await AssertNotAcceptedAsync("wrong-key-1");
    }

    [Fact]
    public async Task Both_keys_of_a_rotation_are_accepted_in_the_header_or_the_path()
    {
        var inHeader = await EventPost.SendAsync(_client, EventPost.Order("rotation-1", "o-r1"), key: ShopApp.RotatedKey);
        var inPath = await EventPost.SendAsync(_client, EventPost.Order("rotation-2", "o-r2"), key: null, path: "/e/" + ShopApp.Key);

        Assert.Equal(HttpStatusCode.OK, inHeader.Status);
        Assert.Equal(HttpStatusCode.OK, inPath.Status);
    }

    [Fact]
    public async Task An_unknown_event_in_a_batch_is_refused_with_the_nearest_name_and_no_event_of_the_batch_is_accepted()
    {
        object[] batch = [EventPost.Order("batch-ok-1", "o-b1"), new { name = "shop/order.placd", data = new { }, id = "batch-typo-1" }];

        var refused = await EventPost.SendAsync(_client, batch);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(1, refused.Index);
        Assert.Equal("name", refused.Path);
        Assert.Contains("Unknown event 'shop/order.placd'", refused.Error);
        Assert.Contains("Did you mean 'shop/order.placed'?", refused.Error);
        await AssertNotAcceptedAsync("batch-ok-1");
    }

    [Fact]
    public async Task Data_that_does_not_read_as_the_payload_is_refused_naming_the_field()
    {
        var refused = await EventPost.SendAsync(_client, EventPost.Order("malformed-1", "o-m1", total: "lots"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("data.total", refused.Path);
        Assert.Contains("at 'data.total'", refused.Error);
        await AssertNotAcceptedAsync("malformed-1");
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_has_no_name_is_refused()
    {
        var notJson = await EventPost.SendRawAsync(_client, "{\"name\": \"shop/order.placed\", ");
        var noName = await EventPost.SendAsync(_client, new { data = new { } });
        var badTime = await EventPost.SendAsync(_client, new { name = "shop/order.placed", data = new { }, ts = "yesterday" });

        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.Contains("not valid JSON", notJson.Error);
        Assert.Equal(HttpStatusCode.BadRequest, noName.Status);
        Assert.Equal("name", noName.Path);
        Assert.Equal(HttpStatusCode.BadRequest, badTime.Status);
        Assert.Equal("ts", badTime.Path);
    }

    [Fact]
    public async Task The_runtime_s_own_events_cannot_be_sent_from_outside()
    {
        var refused = await EventPost.SendAsync(_client, new { name = "attrfanout/function.failed", data = new { }, id = "reserved-1" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("runtime's own events", refused.Error);
    }

    [Fact]
    public async Task Data_over_the_payload_limit_is_refused_with_413_and_nothing_is_accepted()
    {
        object[] batch = [EventPost.Order("big-ok-1", "o-big1"), EventPost.Order("big-1", new string('x', 300 * 1024))];

        var refused = await EventPost.SendAsync(_client, batch);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Equal(1, refused.Index);
        Assert.Contains("MaxPayloadBytes", refused.Error);
        await AssertNotAcceptedAsync("big-ok-1");
    }

    [Fact]
    public async Task A_body_over_the_request_limit_is_refused_with_413_before_it_is_read()
    {
        var refused = await EventPost.SendAsync(_client, EventPost.Order("huge-1", new string('x', 5 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Contains("MaxRequestBytes", refused.Error);
        await AssertNotAcceptedAsync("huge-1");
    }

    [Fact]
    public async Task A_valid_batch_fans_out_to_every_function_with_its_ids_and_times()
    {
        object[] batch =
        [
            new { name = "shop/order.placed", data = new { orderId = "o-v1", email = "v1@example.com", total = 12.5m }, id = "valid-1", ts = 1_765_000_000_000L },
            new { name = "shop/order.placed", data = new { orderId = "o-v2", email = "v2@example.com", total = 7m }, id = "valid-2", ts = "2026-12-06T13:45:00.123Z" },
        ];

        var accepted = await EventPost.SendAsync(_client, batch);

        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(["valid-1", "valid-2"], accepted.Ids);
        Assert.Empty(accepted.Duplicates);
        var expectedFunctions = _app.Catalog.GetFunctions("shop/order.placed").ToArray().Select(static f => f.Id).Order().ToList();
        foreach (var runIds in accepted.RunIds)
        {
            var runs = await Task.WhenAll(runIds.Select(_app.WaitAsync));
            Assert.Equal(expectedFunctions, runs.Select(static r => r.FunctionId).Order().ToList());
            Assert.All(runs, static r => Assert.Equal(RunStatus.Succeeded, r.Status));
        }

        Assert.Contains(_app.Log.Lines, static l => l.Contains("receipt of o-v1 (12.50, ordered 2025-12-06T05:46:40.0000000+00:00)", StringComparison.Ordinal));
        Assert.Contains(_app.Log.Lines, static l => l.Contains("receipt of o-v2 (7.00, ordered 2026-12-06T13:45:00.1230000+00:00)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeated_id_is_a_duplicate_that_starts_no_new_run()
    {
        var first = await EventPost.SendAsync(_client, EventPost.Order("repeat-1", "o-rep1"));
        await Task.WhenAll(first.RunIds[0].Select(_app.WaitAsync));

        var again = await EventPost.SendAsync(_client, EventPost.Order("repeat-1", "o-rep1"));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(["repeat-1"], again.Duplicates);
        Assert.Equal(first.RunIds, again.RunIds);
        Assert.Single(_app.Log.Lines, static l => l.Contains("receipt of o-rep1 ", StringComparison.Ordinal));
    }

    /// <summary>The Id was not stored: a valid send with it now is accepted as new, not as a duplicate.</summary>
    private async Task AssertNotAcceptedAsync(string id)
    {
        var probe = await EventPost.SendAsync(_client, EventPost.Order(id, "o-probe-" + id));
        Assert.Equal(HttpStatusCode.OK, probe.Status);
        Assert.Empty(probe.Duplicates);
    }
}
