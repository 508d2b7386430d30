using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MusicAnalyser.Features.Spotify;
using MusicAnalyser.Tests.Fakes;

namespace MusicAnalyser.Tests.Spotify;

/// <summary>The typed Web API client against a fake Spotify on 127.0.0.1: what it sends, and how it rides out 429s and 5xx.</summary>
public sealed class SpotifyApiClientTests
{
    private const string RecentlyPlayed = "/v1/me/player/recently-played";

    private const string OnePlay = """
        {"items":[{"track":{"id":"4uLU6hMCjMI75M1A2tKUQC","name":"Never Gonna Give You Up","duration_ms":213573,
          "artists":[{"id":"0gxyHStUsqpMadRV0Di1Qt","name":"Rick Astley"}],
          "album":{"id":"6XhjNHCyCDyyGJRM5mg40G","name":"Whenever You Need Somebody","images":[{"url":"https://i.scdn.co/image/x","width":640,"height":640}]},
          "external_ids":{"isrc":"GBARL9300135"}},
          "played_at":"2025-06-30T20:52:04.123Z","context":{"type":"playlist","uri":"spotify:playlist:1"}}],
         "cursors":{"after":"1751316724123","before":"1751316724123"},"next":null}
        """;

    private static ServiceProvider Services(FakeHttpServer spotify)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MusicAnalyser:Spotify:ApiBaseUrl"] = spotify.BaseAddress.ToString(),
            ["MusicAnalyser:Spotify:RetryDelay"] = "00:00:00.050",
        }).Build());
        services.AddSpotify();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Recently_played_sends_the_token_and_cursor_and_reads_the_whole_track()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json(OnePlay));
        using var services = Services(spotify);

        var page = await services.GetRequiredService<SpotifyApiClient>().RecentlyPlayedAsync("token-1", 1751316000000, TestContext.Current.CancellationToken);

        var request = Assert.Single(spotify.RequestsTo("GET", RecentlyPlayed));
        Assert.Equal("Bearer token-1", request.Header("Authorization"));
        Assert.Equal(("50", "1751316000000"), (request.Query("limit"), request.Query("after")));
        var play = Assert.Single(page.Items);
        Assert.Equal(("Never Gonna Give You Up", 213573, "GBARL9300135"), (play.Track.Name, play.Track.DurationMs, play.Track.ExternalIds?.Isrc));
        Assert.Equal("Rick Astley", Assert.Single(play.Track.Artists).Name);
        Assert.Equal("https://i.scdn.co/image/x", play.Track.Album?.Images?[0].Url);
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 20, 52, 4, 123, TimeSpan.Zero), play.PlayedAt);
        Assert.Equal("1751316724123", page.Cursors?.After);
    }

    [Fact]
    public async Task An_empty_page_has_no_cursors_and_no_items()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json("""{"items":[],"cursors":null,"next":null}"""));
        using var services = Services(spotify);

        var page = await services.GetRequiredService<SpotifyApiClient>().RecentlyPlayedAsync("t", null, TestContext.Current.CancellationToken);

        Assert.Empty(page.Items);
        Assert.Null(page.Cursors);
        Assert.Null(Assert.Single(spotify.RequestsTo("GET", RecentlyPlayed)).Query("after"));
    }

    [Fact]
    public async Task A_429_waits_exactly_its_retry_after_says_until_when_and_then_gets_the_page()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Empty(429).WithHeader("Retry-After", "2"), FakeResponse.Json(OnePlay));
        using var services = Services(spotify);
        var clock = Stopwatch.StartNew();

        var page = await services.GetRequiredService<SpotifyApiClient>().RecentlyPlayedAsync("t", null, TestContext.Current.CancellationToken);

        Assert.Single(page.Items);
        Assert.Equal(2, spotify.RequestsTo("GET", RecentlyPlayed).Count);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.9, 10);
        Assert.Equal(TimeSpan.FromSeconds(2), services.GetRequiredService<SpotifyRateLimit>().LastWait);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_a_refused_token_is_not()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Empty(500), FakeResponse.Empty(503), FakeResponse.Json(OnePlay));
        using var services = Services(spotify);
        var client = services.GetRequiredService<SpotifyApiClient>();

        var page = await client.RecentlyPlayedAsync("t", null, TestContext.Current.CancellationToken);
        spotify.On("GET", RecentlyPlayed, FakeResponse.Empty(401));
        var refused = await Assert.ThrowsAsync<SpotifyUnauthorizedException>(() => client.RecentlyPlayedAsync("expired", null, TestContext.Current.CancellationToken));

        Assert.Single(page.Items);
        Assert.Equal(4, spotify.RequestsTo("GET", RecentlyPlayed).Count);
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.Null(services.GetRequiredService<SpotifyRateLimit>().LastWait);
    }
}
