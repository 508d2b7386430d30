using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MusicAnalyser.Tests.Infrastructure;

/// <summary>
/// The whole app on real Kestrel at http://127.0.0.1:PORT (a free port), over a data folder of its own that is
/// deleted on dispose. It is started by the constructor.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string DataDirectoryKey = "MusicAnalyser:DataDirectory";

    private readonly TempFolder _data = new("app");
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    /// <param name="settings">Configuration on top of the app's own, e.g. an external API's base URL pointed at a fake.</param>
    /// <param name="environment">
    /// The host environment. Production by default: it is what users run, and Development would also load the
    /// developer's user secrets.
    /// </param>
    public TestApp(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Production")
    {
        _environment = environment;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [DataDirectoryKey] = _data.Path,
            // Keep test output to what went wrong.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            // Never the real Spotify: a test that talks to it points these at its fake; anything else is refused at once.
            ["MusicAnalyser:Spotify:AccountsBaseUrl"] = "http://127.0.0.1:9/",
            ["MusicAnalyser:Spotify:ApiBaseUrl"] = "http://127.0.0.1:9/",
            ["MusicAnalyser:Spotify:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        try
        {
            UseKestrel(0);
            StartServer();
            BaseAddress = ListeningAddress();
            Client = CreateClient();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's data folder (its SQLite database and anything else it keeps).</summary>
    public string DataDirectory => _data.Path;

    /// <summary>A client for <see cref="BaseAddress"/> that follows redirects and keeps cookies.</summary>
    public HttpClient Client { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Serve wwwroot and build-time assets (scoped CSS) from the build output in every environment, as
        // Development does; otherwise only a published app would have them.
        builder.UseStaticWebAssets();

        // UseSetting makes the values visible while Program.cs is still building; the source added last
        // makes them win over appsettings*.json and environment variables once the app is built.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the database files open after the app has stopped.
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private Uri ListeningAddress()
    {
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The app does not listen on 127.0.0.1; it listens on: {string.Join(", ", addresses)}.");
        return new Uri(address.TrimEnd('/') + "/");
    }
}
