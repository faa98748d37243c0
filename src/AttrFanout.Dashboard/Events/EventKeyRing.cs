using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace AttrFanout.Dashboard.Events;

/// <summary>
/// The accepted event keys, kept only as SHA-256 hashes and compared in constant time; reloaded when the configuration
/// changes, so a key can be added or retired without a restart.
/// </summary>
internal sealed class EventKeyRing : IDisposable
{
    private readonly IConfiguration? _configuration;
    private readonly IReadOnlyList<string> _extraKeys;
    private readonly IDisposable? _reload;
    private volatile byte[][] _hashes;

    public EventKeyRing(IConfiguration? configuration, IReadOnlyList<string> extraKeys)
    {
        _configuration = configuration;
        _extraKeys = extraKeys;
        _hashes = Load();
        if (configuration is not null)
        {
            _reload = ChangeToken.OnChange(configuration.GetReloadToken, () => _hashes = Load());
        }
    }

    public bool IsEmpty => _hashes.Length == 0;

    /// <summary>Whether <paramref name="presented"/> is one of the keys; every key is compared, whichever matches.</summary>
    public bool Accepts(string presented)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        var accepted = false;
        foreach (var known in _hashes)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(hash, known);
        }

        return accepted;
    }

    public void Dispose() => _reload?.Dispose();

    private byte[][] Load()
    {
        var keys = new List<string>(_extraKeys);
        if (_configuration?.GetSection(EventEndpointOptions.KeysConfigurationKey) is { } section)
        {
            if (!string.IsNullOrEmpty(section.Value))
            {
                keys.Add(section.Value);
            }

            foreach (var child in section.GetChildren())
            {
                if (!string.IsNullOrEmpty(child.Value))
                {
                    keys.Add(child.Value);
                }
            }
        }

        return keys.Where(static k => k.Length > 0).Select(static k => SHA256.HashData(Encoding.UTF8.GetBytes(k))).ToArray();
    }
}
