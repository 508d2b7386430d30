using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MusicAnalyser.Features.Spotify;
using MusicAnalyser.Tests.Fakes;
using MusicAnalyser.Tests.Infrastructure;

namespace MusicAnalyser.Tests.Spotify;

public sealed class LiveCaptureTests
{
    [Fact]
    public async Task With_spotify_connected_new_plays_reach_the_dashboard_without_anyone_asking()
    {
        var export = await GeneratedExports.GetAsync("--plays", "2000", "--no-account-data", "--overlap-api", "50", "--seed", "41");
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", "/v1/me/player/recently-played",
            FakeResponse.Json(await File.ReadAllTextAsync(Path.Combine(export, "api_recently_played.json"), TestContext.Current.CancellationToken)));
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["MusicAnalyser:Spotify:ApiBaseUrl"] = spotify.BaseAddress.ToString(),
            ["MusicAnalyser:Spotify:PollInterval"] = "00:00:01",
        });
        app.Services.GetRequiredService<SpotifyTokenStore>()
            .Save(new SpotifyTokens("access-1", "refresh-1", DateTimeOffset.UtcNow.AddHours(1), SpotifyAuthorization.Scopes));

        // Waits on the condition (the dashboard counting the polled plays), giving up after 20 s.
        var clock = Stopwatch.StartNew();
        string overview;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            overview = await app.Client.GetStringAsync("/?handler=Overview", TestContext.Current.CancellationToken);
        }
        while (!overview.Contains("<dd>50</dd>", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Contains("<dd>50</dd>", overview, StringComparison.Ordinal);
        Assert.True(spotify.RequestsTo("GET", "/v1/me/player/recently-played").Count >= 1);
        Assert.Equal("Bearer access-1", spotify.RequestsTo("GET", "/v1/me/player/recently-played")[0].Header("Authorization"));
    }
}
