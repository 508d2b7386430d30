using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MusicAnalyser.Data;
using MusicAnalyser.Features.Spotify;
using MusicAnalyser.Tests.Fakes;
using MusicAnalyser.Tests.Infrastructure;

namespace MusicAnalyser.Tests.Spotify;

/// <summary>Connecting to a fake Spotify accounts service on 127.0.0.1: PKCE, token storage, refresh and revocation.</summary>
public sealed class SpotifyAuthorizationTests : IDisposable
{
    private static readonly Uri Callback = new("http://127.0.0.1:5000/spotify/callback");
    private readonly TempFolder _data = new("spotify-auth");
    private readonly Clock _clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _data.Dispose();

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private ServiceProvider Services(FakeHttpServer accounts)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MusicAnalyser:DataDirectory"] = _data.Path,
            ["MusicAnalyser:Spotify:ClientId"] = "client-1",
            ["MusicAnalyser:Spotify:AccountsBaseUrl"] = accounts.BaseAddress.ToString(),
        }).Build());
        services.AddData();
        services.AddSpotify();
        return services.BuildServiceProvider();
    }

    private static FakeResponse Tokens(string access, string? refresh) =>
        FakeResponse.Json(refresh is null
            ? (object)new { access_token = access, token_type = "Bearer", expires_in = 3600, scope = SpotifyAuthorization.Scopes }
            : new { access_token = access, token_type = "Bearer", expires_in = 3600, scope = SpotifyAuthorization.Scopes, refresh_token = refresh });

    private static async Task ConnectAsync(SpotifyAuthorization authorization)
    {
        var authorize = authorization.Start(Callback);
        var state = QueryHelpers.ParseQuery(authorize.Query)["state"].ToString();
        await authorization.CompleteAsync("code-1", state, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Connecting_uses_pkce_and_state_and_keeps_the_tokens_encrypted_in_the_data_folder()
    {
        await using var accounts = await FakeHttpServer.StartAsync();
        accounts.On("POST", "/api/token", Tokens("access-1", "refresh-1"));
        using var services = Services(accounts);
        var authorization = services.GetRequiredService<SpotifyAuthorization>();

        var authorize = authorization.Start(Callback);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        await authorization.CompleteAsync("code-1", query["state"].ToString(), TestContext.Current.CancellationToken);
        var token = await authorization.AccessTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("/authorize", authorize.AbsolutePath);
        Assert.Equal(("client-1", "code", "S256", Callback.ToString()), (query["client_id"].ToString(), query["response_type"].ToString(), query["code_challenge_method"].ToString(), query["redirect_uri"].ToString()));
        Assert.Contains("user-read-recently-played", query["scope"].ToString(), StringComparison.Ordinal);
        var exchange = Assert.Single(accounts.RequestsTo("POST", "/api/token"));
        Assert.Equal(("authorization_code", "code-1"), (exchange.Form("grant_type"), exchange.Form("code")));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(exchange.Form("code_verifier")!)));
        Assert.Equal(query["code_challenge"].ToString(), challenge);
        Assert.Equal("access-1", token);
        var stored = await File.ReadAllBytesAsync(Path.Combine(_data.Path, "spotify-tokens.bin"), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("access-1", Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_data.Path, "keys")));
    }

    [Fact]
    public async Task An_expiring_token_is_refreshed_and_the_refresh_token_kept_when_spotify_sends_none()
    {
        await using var accounts = await FakeHttpServer.StartAsync();
        accounts.On("POST", "/api/token", Tokens("access-1", "refresh-1"), Tokens("access-2", refresh: null), Tokens("access-3", refresh: null));
        using var services = Services(accounts);
        var authorization = services.GetRequiredService<SpotifyAuthorization>();
        await ConnectAsync(authorization);

        _clock.Now += TimeSpan.FromMinutes(59.5);
        var second = await authorization.AccessTokenAsync(TestContext.Current.CancellationToken);
        _clock.Now += TimeSpan.FromMinutes(59.5);
        var third = await authorization.AccessTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("access-2", "access-3"), (second, third));
        var refreshes = accounts.RequestsTo("POST", "/api/token").Skip(1).ToList();
        Assert.All(refreshes, r => Assert.Equal(("refresh_token", "refresh-1"), (r.Form("grant_type"), r.Form("refresh_token"))));
        Assert.Equal(2, refreshes.Count);
    }

    [Fact]
    public async Task A_refused_refresh_asks_to_reconnect_and_stops_asking_spotify()
    {
        await using var accounts = await FakeHttpServer.StartAsync();
        accounts.On("POST", "/api/token", Tokens("access-1", "refresh-1"),
            FakeResponse.Json(new { error = "invalid_grant", error_description = "Refresh token revoked" }, 400));
        using var services = Services(accounts);
        var authorization = services.GetRequiredService<SpotifyAuthorization>();
        await ConnectAsync(authorization);
        _clock.Now += TimeSpan.FromHours(2);

        await Assert.ThrowsAsync<SpotifyReconnectRequiredException>(() => authorization.AccessTokenAsync(TestContext.Current.CancellationToken));
        var again = await Assert.ThrowsAsync<SpotifyReconnectRequiredException>(() => authorization.AccessTokenAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, accounts.RequestsTo("POST", "/api/token").Count);
        Assert.Contains("connected again", again.Message, StringComparison.Ordinal);
        Assert.True(services.GetRequiredService<SpotifyTokenStore>().Read()?.NeedsReconnect);
    }

    [Fact]
    public async Task A_callback_with_an_unknown_state_is_refused_without_asking_spotify()
    {
        await using var accounts = await FakeHttpServer.StartAsync();
        using var services = Services(accounts);
        var authorization = services.GetRequiredService<SpotifyAuthorization>();
        authorization.Start(Callback);

        await Assert.ThrowsAsync<InvalidOperationException>(() => authorization.CompleteAsync("code-1", "forged", TestContext.Current.CancellationToken));

        Assert.Empty(accounts.Requests);
        Assert.Null(services.GetRequiredService<SpotifyTokenStore>().Read());
    }
}
