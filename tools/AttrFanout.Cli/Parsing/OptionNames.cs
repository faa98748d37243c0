namespace AttrFanout.Cli.Parsing;

/// <summary>Every option the tool knows: those that take a value and the flags.</summary>
internal static class OptionNames
{
    public const string Sqlite = "--sqlite";
    public const string Nats = "--nats";
    public const string Url = "--url";
    public const string User = "--user";
    public const string Password = "--password";
    public const string Creds = "--creds";
    public const string Token = "--token";
    public const string Prefix = "--prefix";
    public const string Stream = "--stream";
    public const string DeadLetterStream = "--dead-letter-stream";
    public const string EventKey = "--event-key";
    public const string EventsUrl = "--events-url";
    public const string Header = "--header";
    public const string Timeout = "--timeout";
    public const string Status = "--status";
    public const string Function = "--function";
    public const string Event = "--event";
    public const string EventId = "--event-id";
    public const string Limit = "--limit";
    public const string Data = "--data";
    public const string Id = "--id";
    public const string Json = "--json";
    public const string All = "--all";
    public const string Yes = "--yes";
    public const string Failed = "--failed";
    public const string Help = "--help";

    public static readonly HashSet<string> Valued = new(StringComparer.Ordinal)
    {
        Sqlite, Nats, Url, User, Password, Creds, Token, Prefix, Stream, DeadLetterStream, EventKey, EventsUrl, Header, Timeout,
        Status, Function, Event, EventId, Limit, Data, Id,
    };

    public static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { Json, All, Yes, Failed, Help };
}
