using Microsoft.Playwright;

namespace AttrFanout.Dashboard.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the browser tests: Debian's <c>chromium</c> (<c>/usr/bin/chromium</c>, or
/// <c>ATTRFANOUT_CHROMIUM</c>) driven by Playwright; never a downloaded browser.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("ATTRFANOUT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"No Chromium at {ExecutablePath}: install Debian's 'chromium' (./test.sh --install-only does) or set ATTRFANOUT_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--disable-dev-shm-usage", "--disable-gpu"],
            Timeout = 30_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<Chromium>
{
    public const string Name = "chromium";
}
