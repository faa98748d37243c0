using AttrFanout.Nats.Store;
using NATS.Client.Core;

namespace AttrFanout.Nats.Connection;

/// <summary>
/// The connection the store uses: the app's own <see cref="INatsConnection"/> from DI (its credentials, TLS, inbox prefix
/// and logging), or one the store opens from <see cref="NatsJetStreamOptions.Url"/> and the options' connection hook.
/// </summary>
internal static class NatsConnections
{
    /// <summary>The client name of a connection the store opens itself.</summary>
    public const string ClientName = "attrfanout";

    /// <summary>Gets the options a connection the store opens itself is created with.</summary>
    public static NatsOpts OptsOf(NatsJetStreamOptions options)
    {
        var opts = NatsOpts.Default with { Url = options.Url, Name = ClientName };
        return options.ConnectionOptions is { } configure ? configure(opts) : opts;
    }

    /// <summary>Gets the options of the connection the store uses: the app's, or its own.</summary>
    public static NatsOpts EffectiveOpts(NatsJetStreamOptions options) => options.SharedConnection?.Opts ?? OptsOf(options);

    /// <summary>Gets the connection the store uses; <paramref name="owned"/> says whether the store must dispose it.</summary>
    public static INatsConnection Open(NatsJetStreamOptions options, out bool owned)
    {
        if (options.SharedConnection is { } shared)
        {
            owned = false;
            return shared;
        }

        owned = true;
        return new NatsConnection(OptsOf(options));
    }

    /// <summary>
    /// Connects (a no-op when already connected). A failure is rethrown as a <see cref="NatsException"/> whose message names
    /// the servers and every cause (e.g. the server's "Authorization Violation"), with every credential removed, and
    /// without the client's exception, whose messages may show the URL with its user information.
    /// </summary>
    public static async ValueTask ConnectAsync(INatsConnection connection, NatsJetStreamOptions options)
    {
        try
        {
            await connection.ConnectAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            var causes = new List<string>();
            for (var e = error; e is not null; e = e.InnerException)
            {
                if (!causes.Contains(e.Message, StringComparer.Ordinal))
                {
                    causes.Add(e.Message);
                }
            }

            var message = $"Cannot connect to the NATS server at {Servers(options)}: {string.Join(" -> ", causes)}";
            throw new NatsException(Redact(message, options));
        }
    }

    /// <summary>Gets the servers of the connection as logs and health output may show them: no user, password or token.</summary>
    public static string Servers(NatsJetStreamOptions options) => ServerNames.Of(EffectiveOpts(options).Url);

    /// <summary>
    /// Removes from <paramref name="text"/> (an error message, a description) every secret the connection's options carry:
    /// the user information of its URLs and the password, token, JWT, seed and key of its authentication options.
    /// </summary>
    public static string Redact(string text, NatsJetStreamOptions options)
    {
        var opts = EffectiveOpts(options);
        text = ServerNames.Redact(text, opts.Url);
        var auth = opts.AuthOpts;
        foreach (var secret in (ReadOnlySpan<string?>)[auth.Password, auth.Token, auth.Jwt, auth.Seed, auth.NKey])
        {
            if (secret is { Length: > 0 })
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
