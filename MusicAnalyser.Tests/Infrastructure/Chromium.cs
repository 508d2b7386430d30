using Microsoft.Playwright;
using MusicAnalyser.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(Chromium))]

namespace MusicAnalyser.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the whole test assembly, driven by Playwright; Playwright never downloads a
/// browser here. The browser starts on first use, so a machine without Chromium fails only the browser tests.
/// Take it as a constructor parameter and open a <see cref="BrowserTab"/> per test.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>Debian's Chromium; <c>CHROMIUM_PATH</c> names another Chromium-based browser (GitHub's runners have Chrome).</summary>
    public static readonly string ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private static readonly string[] Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // Only loopback resolves, so a page can never reach a real service. Each list item is one argv
        // entry passed without a shell: the value must not carry the quotes a shell command line would need.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ];

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>A new browser context (no cookies or storage from other tests) with one page, relative URLs resolved against <paramref name="baseAddress"/>.</summary>
    public async Task<BrowserTab> OpenAsync(Uri baseAddress, Action<BrowserNewContextOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var browser = await BrowserAsync();
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            // Fixed so dates and numbers render the same on every machine; the zone is the generator's default.
            Locale = "en-GB",
            TimezoneId = "Europe/Berlin",
        };
        configure?.Invoke(options);

        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout((float)DefaultTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)DefaultTimeout.TotalMilliseconds);
        try
        {
            return new BrowserTab(context, await context.NewPageAsync());
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _launch.Dispose();
    }

    private async Task<IBrowser> BrowserAsync()
    {
        await _launch.WaitAsync();
        try
        {
            return _browser ??= await LaunchAsync();
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ExecutablePath}, which is missing. Install it as root: apt-get install -y chromium (or set CHROMIUM_PATH)");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Assertions.SetDefaultExpectTimeout((float)DefaultTimeout.TotalMilliseconds);

        _playwright ??= await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
    }
}
