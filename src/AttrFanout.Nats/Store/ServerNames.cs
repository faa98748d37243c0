namespace AttrFanout.Nats.Store;

/// <summary>The servers of a connection URL as logs may show them: scheme, host and port, never a user, password or token.</summary>
internal static class ServerNames
{
    /// <summary>Lists the servers of a comma-separated URL without their credentials.</summary>
    public static string Of(string url) => string.Join(",", url.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Server));

    /// <summary>Removes from <paramref name="text"/> (an error message) every credential <paramref name="url"/> carries.</summary>
    public static string Redact(string text, string url)
    {
        foreach (var server in url.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (UserInfo(server) is { Length: > 0 } userInfo)
            {
                text = text.Replace(userInfo, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static string Server(string server)
    {
        var withScheme = server.Contains("://", StringComparison.Ordinal) ? server : "nats://" + server;
        if (Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            return uri.IsDefaultPort || uri.Port < 0 ? $"{uri.Scheme}://{uri.Host}:4222" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
        }

        var at = server.LastIndexOf('@');
        return at < 0 ? server : server[(at + 1)..];
    }

    private static string? UserInfo(string server)
    {
        var start = server.IndexOf("://", StringComparison.Ordinal) is var s and >= 0 ? s + 3 : 0;
        var at = server.LastIndexOf('@');
        return at > start ? server[start..at] : null;
    }
}
