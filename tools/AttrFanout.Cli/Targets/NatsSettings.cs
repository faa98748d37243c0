using AttrFanout.Cli.Parsing;
using AttrFanout.Nats;
using NATS.Client.Core;

namespace AttrFanout.Cli.Targets;

/// <summary>
/// Where and how to reach the app's NATS server and stream: the options, else the variables NATS's own tools read
/// (<c>NATS_URL</c>, <c>NATS_USER</c>, <c>NATS_PASSWORD</c>, <c>NATS_TOKEN</c>, <c>NATS_CREDS</c>).
/// </summary>
internal sealed record NatsSettings(string Url, string? User, string? Password, string? Token, string? CredsFile, string Prefix, string Stream, string DeadLetterStream)
{
    public static NatsSettings From(Arguments arguments, Func<string, string?> environment, Secrets secrets, string url)
    {
        var defaults = new NatsJetStreamOptions();
        var user = arguments.Value(OptionNames.User) ?? environment("NATS_USER");
        var password = secrets.Add(arguments.Value(OptionNames.Password) ?? environment("NATS_PASSWORD"));
        var token = secrets.Add(arguments.Value(OptionNames.Token) ?? environment("NATS_TOKEN"));
        var creds = arguments.Value(OptionNames.Creds) ?? environment("NATS_CREDS");
        if (password is not null && user is null)
        {
            throw CliException.Usage("--password needs --user (or NATS_USER).");
        }

        if (creds is not null && !File.Exists(creds))
        {
            throw CliException.Usage($"No credentials file at '{creds}' (--creds).");
        }

        return new NatsSettings(
            url,
            user,
            password,
            token,
            creds,
            arguments.Value(OptionNames.Prefix) ?? defaults.SubjectPrefix,
            arguments.Value(OptionNames.Stream) ?? defaults.StreamName,
            arguments.Value(OptionNames.DeadLetterStream) ?? defaults.DeadLetterStreamName);
    }

    /// <summary>Sets the store's options: this server, stream and prefix, attached only (nothing created or changed), no intake.</summary>
    public void Apply(NatsJetStreamOptions options)
    {
        options.StreamName = Stream;
        options.DeadLetterStreamName = DeadLetterStream;
        options.SubjectPrefix = Prefix;
        options.AttachOnly = true;
        options.DeadLetterUnroutable = false;
        options.DeleteOrphanedConsumers = false;
        options.ConfigureConnection(Connection);
    }

    /// <summary>Adds the credentials and a bounded connect to a connection's options.</summary>
    public NatsOpts Connection(NatsOpts opts) => opts with
    {
        Name = "attrfanout-cli",
        ConnectTimeout = TimeSpan.FromSeconds(5),
        AuthOpts = opts.AuthOpts with { Username = User, Password = Password, Token = Token, CredsFile = CredsFile },
    };
}
