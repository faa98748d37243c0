using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AttrFanout.Cli.Output;

namespace AttrFanout.Cli.Targets;

/// <summary>
/// A running app: its dashboard's JSON API (<c>api/functions</c>, <c>api/counts</c>, <c>api/runs</c>) and actions (replay
/// and cancel, posted as its own forms are, with the antiforgery token of one of its pages), and its HTTP event endpoint.
/// </summary>
internal sealed class DashboardTarget : ITarget
{
    private readonly HttpClient _http;
    private readonly Uri _eventsUrl;
    private readonly string? _eventKey;

    private DashboardTarget(HttpClient http, Uri eventsUrl, string? eventKey, string name)
    {
        _http = http;
        _eventsUrl = eventsUrl;
        _eventKey = eventKey;
        Name = name;
    }

    public string Name { get; }

    /// <param name="url">The dashboard's base address, e.g. <c>http://localhost:5000/attrfanout</c>.</param>
    /// <param name="eventsUrl">The event endpoint; by default <c>/e</c> on the dashboard's host.</param>
    /// <param name="eventKey">The event key <c>send</c> presents.</param>
    /// <param name="headers">Headers for every dashboard request, <c>Name: value</c> (e.g. the app's authorization).</param>
    public static DashboardTarget Open(string url, string? eventsUrl, string? eventKey, IReadOnlyList<string> headers, Secrets secrets)
    {
        var baseUrl = AbsoluteHttp(url, "--url");
        var events = eventsUrl is null ? new Uri(baseUrl, "/e") : AbsoluteHttp(eventsUrl, "--events-url");
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !http.DefaultRequestHeaders.TryAddWithoutValidation(header[..colon].Trim(), secrets.Add(header[(colon + 1)..].Trim())))
            {
                throw CliException.Usage($"--header takes 'Name: value', e.g. 'Authorization: Bearer ...'; '{header[..Math.Max(colon, 0)]}' is not one.");
            }
        }

        return new DashboardTarget(http, events, secrets.Add(eventKey), $"dashboard {secrets.Mask(http.BaseAddress.AbsoluteUri.TrimEnd('/'))}");
    }

    public async Task<FunctionListing> ListFunctionsAsync(CancellationToken cancellationToken)
    {
        var functions = await GetJsonAsync("api/functions", CliJsonContext.Default.IReadOnlyListDashboardFunction, cancellationToken).ConfigureAwait(false);
        var counts = await GetJsonAsync("api/counts", CliJsonContext.Default.RunCounts, cancellationToken).ConfigureAwait(false);
        var byId = counts!.Functions.ToDictionary(static c => c.FunctionId, StringComparer.Ordinal);
        var listed = functions!
            .GroupBy(static f => f.Id, StringComparer.Ordinal)
            .OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(g => new FunctionInfo(g.Key, [.. g.Select(static f => f.EventName).Distinct(StringComparer.Ordinal)], g.First().Retries, byId.GetValueOrDefault(g.Key)))
            .ToList();
        return new FunctionListing(listed, [.. counts.Incomplete.Select(static g => g.Reason)]);
    }

    public async Task<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        var parameters = new List<string>();
        foreach (var status in query.Statuses ?? new HashSet<RunStatus>())
        {
            parameters.Add("status=" + status.ToString().ToLowerInvariant());
        }

        Add(parameters, "function", query.FunctionId);
        Add(parameters, "event", query.EventName);
        Add(parameters, "eventId", query.EventId);
        Add(parameters, "cursor", query.Cursor);
        var path = "api/runs" + (parameters.Count > 0 ? "?" + string.Join('&', parameters) : "");
        return (await GetJsonAsync(path, CliJsonContext.Default.RunPage, cancellationToken).ConfigureAwait(false))!;
    }

    public Task<FunctionRun?> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        GetJsonAsync("api/runs/" + Uri.EscapeDataString(runId), CliJsonContext.Default.FunctionRun, cancellationToken, notFoundIsNull: true);

    public async Task<IReadOnlyList<FunctionRun>> ListFailedAsync(FailedRunQuery query, CancellationToken cancellationToken)
    {
        var failed = new List<FunctionRun>();
        var page = new RunQuery { Statuses = new HashSet<RunStatus> { RunStatus.Failed }, FunctionId = query.FunctionId, EventName = query.EventName };
        while (failed.Count < query.Limit)
        {
            var runs = await ListRunsAsync(page, cancellationToken).ConfigureAwait(false);
            failed.AddRange(runs.Runs.Where(query.Matches));
            if (runs.NextCursor is null)
            {
                break;
            }

            page = page with { Cursor = runs.NextCursor };
        }

        return [.. failed.Take(query.Limit)];
    }

    public async Task<FunctionRun?> ReplayAsync(string runId, CancellationToken cancellationToken)
    {
        if (await GetRunAsync(runId, cancellationToken).ConfigureAwait(false) is not { Status: RunStatus.Failed, ReplayedBy: null })
        {
            return null;
        }

        var path = "runs/" + Uri.EscapeDataString(runId);
        using var response = await PostFormAsync(path, path + "/replay", [], cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        var replayId = Uri.UnescapeDataString(Redirect(response, "the replay").AbsolutePath.Split('/')[^1]);
        return await GetRunAsync(replayId, cancellationToken).ConfigureAwait(false)
            ?? throw CliException.Failed($"The dashboard replayed run '{runId}' as '{replayId}', but does not show that run.");
    }

    public async Task<ReplayResult> ReplayAsync(FailedRunQuery query, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var filter = new List<string>();
        if (query.FunctionId is { } function)
        {
            fields.Add(new("function", function));
            Add(filter, "function", function);
        }

        if (query.EventName is { } eventName)
        {
            fields.Add(new("event", eventName));
            Add(filter, "event", eventName);
        }

        using var response = await PostFormAsync("failed" + (filter.Count > 0 ? "?" + string.Join('&', filter) : ""), "failed/replay", fields, cancellationToken).ConfigureAwait(false);
        var location = Redirect(response, "the replay");
        var count = System.Web.HttpUtility.ParseQueryString(location.Query)["replayedCount"];
        return new ReplayResult(int.TryParse(count, System.Globalization.CultureInfo.InvariantCulture, out var replayed) ? replayed : 0, []);
    }

    public async Task<FunctionRun?> CancelAsync(string runId, CancellationToken cancellationToken)
    {
        if (await GetRunAsync(runId, cancellationToken).ConfigureAwait(false) is not { } run)
        {
            return null;
        }

        if (run.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Skipped or RunStatus.Cancelled)
        {
            return run;
        }

        var path = "runs/" + Uri.EscapeDataString(runId);
        using var response = await PostFormAsync(path, path + "/cancel", [], cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Redirect(response, "the cancel");
        return await GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SentEvent> SendAsync(OutgoingEvent evt, CancellationToken cancellationToken)
    {
        if (_eventKey is null)
        {
            throw CliException.Usage("Sending through the app's event endpoint needs its key: --event-key <key> (or ATTRFANOUT_EVENT_KEY).");
        }

        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("name", evt.Name);
            writer.WritePropertyName("data");
            evt.Data.WriteTo(writer);
            writer.WriteString("id", evt.Id);
            writer.WriteEndObject();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _eventsUrl) { Content = new ByteArrayContent(body.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _eventKey);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw CliException.Failed($"The event endpoint {_eventsUrl} refused the event ({(int)response.StatusCode} {response.ReasonPhrase}): {await TextAsync(response, cancellationToken).ConfigureAwait(false)}");
        }

        var accepted = await response.Content.ReadFromJsonAsync(CliJsonContext.Default.AcceptedEvents, cancellationToken).ConfigureAwait(false);
        return new SentEvent(evt.Id, accepted!.Duplicates.Contains(evt.Id, StringComparer.Ordinal), accepted.RunIds.Count > 0 ? accepted.RunIds[0] : [], StreamSequence: null);
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<T?> GetJsonAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken, bool notFoundIsNull = false)
        where T : class
    {
        using var response = await _http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, path, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            throw CliException.Failed($"{Name} answered {path} with something other than the dashboard's JSON: --url takes the dashboard's base address, e.g. http://localhost:5000/attrfanout.");
        }
    }

    /// <summary>Posts a dashboard form with the antiforgery token of <paramref name="page"/> (and its cookie); answers the response, a redirect when it worked.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(string page, string action, List<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        using (var form = await _http.GetAsync(page, cancellationToken).ConfigureAwait(false))
        {
            await EnsureSuccessAsync(form, page, cancellationToken).ConfigureAwait(false);
            if (AntiforgeryField.Find(await form.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) is { } token)
            {
                fields.Add(token);
            }
        }

        var response = await _http.PostAsync(action, new FormUrlEncodedContent(fields), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            return response;
        }

        using (response)
        {
            await EnsureSuccessAsync(response, action, cancellationToken).ConfigureAwait(false);
            throw CliException.Failed($"{Name} answered {action} with {(int)response.StatusCode}, not the redirect of a done action.");
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await TextAsync(response, cancellationToken).ConfigureAwait(false);
        throw response.StatusCode switch
        {
            HttpStatusCode.NotFound => CliException.Failed($"No AttrFanout dashboard answers at {Name} ({path}: 404). --url takes the dashboard's base address, e.g. http://localhost:5000/attrfanout."),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => CliException.Failed($"{Name} refused {path} ({(int)response.StatusCode}): {text} If the dashboard requires an authorization policy, pass what it needs with --header."),
            _ => CliException.Failed($"{Name} answered {path} with {(int)response.StatusCode} {response.ReasonPhrase}: {text}"),
        };
    }

    private static Uri Redirect(HttpResponseMessage response, string what) =>
        response.StatusCode == HttpStatusCode.SeeOther && response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location))
            : throw CliException.Failed($"The dashboard did not confirm {what} ({(int)response.StatusCode}).");

    private static async Task<string> TextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
        return text.Length > 500 ? text[..500] + "…" : text;
    }

    private static void Add(List<string> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }

    private static Uri AbsoluteHttp(string url, string option) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw CliException.Usage($"{option} takes an http:// or https:// address, e.g. http://localhost:5000/attrfanout; '{url}' is not one.");
}
