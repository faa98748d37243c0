using AttrFanout.Cli.Parsing;

namespace AttrFanout.Cli.Targets;

/// <summary>Opens the one target the options name: <c>--sqlite</c>, <c>--nats</c> (or <c>NATS_URL</c>) or <c>--url</c>.</summary>
internal static class TargetFactory
{
    public static ITarget Open(Arguments arguments, Func<string, string?> environment, Secrets secrets)
    {
        var sqlite = arguments.Value(OptionNames.Sqlite);
        var nats = arguments.Value(OptionNames.Nats);
        var url = arguments.Value(OptionNames.Url);
        var named = new[] { sqlite, nats, url }.Count(static t => t is not null);
        if (named > 1)
        {
            throw CliException.Usage("Name one target: --sqlite <file>, --nats <url> or --url <dashboard URL>.");
        }

        if (named == 0 && environment("NATS_URL") is { Length: > 0 } fromEnvironment)
        {
            nats = fromEnvironment;
        }

        if (sqlite is not null)
        {
            return SqliteTarget.Open(sqlite);
        }

        if (nats is not null)
        {
            return NatsTarget.Open(NatsSettings.From(arguments, environment, secrets, nats), secrets);
        }

        if (url is not null)
        {
            return DashboardTarget.Open(
                url,
                arguments.Value(OptionNames.EventsUrl),
                arguments.Value(OptionNames.EventKey) ?? environment("ATTRFANOUT_EVENT_KEY"),
                arguments.Values(OptionNames.Header),
                secrets);
        }

        throw CliException.Usage("Name the target: --sqlite <file> (the app's store file), --nats <url> (or NATS_URL), or --url <the app's dashboard URL>.");
    }
}
