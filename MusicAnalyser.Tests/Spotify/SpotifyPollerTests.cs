using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MusicAnalyser.Data;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Features.Listening;
using MusicAnalyser.Features.Spotify;
using MusicAnalyser.Tests.Fakes;
using MusicAnalyser.Tests.Infrastructure;

namespace MusicAnalyser.Tests.Spotify;

/// <summary>Polling a fake Spotify: plays stored once, the cursor moved only after they are, failures losing nothing.</summary>
public sealed class SpotifyPollerTests : IDisposable
{
    private const string RecentlyPlayed = "/v1/me/player/recently-played";
    private readonly TempFolder _data = new("spotify-poll");
    private readonly TempFolder _otherData = new("spotify-poll-other");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
        _otherData.Dispose();
    }

    private ServiceProvider Services(FakeHttpServer spotify, bool connected = true, string requestTimeout = "00:00:20")
    {
        var folder = connected ? _data.Path : _otherData.Path;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MusicAnalyser:DataDirectory"] = folder,
            ["MusicAnalyser:TimeZone"] = "UTC",
            ["MusicAnalyser:Spotify:ClientId"] = "client-1",
            ["MusicAnalyser:Spotify:ApiBaseUrl"] = spotify.BaseAddress.ToString(),
            ["MusicAnalyser:Spotify:AccountsBaseUrl"] = spotify.BaseAddress.ToString(),
            ["MusicAnalyser:Spotify:RetryDelay"] = "00:00:00.020",
            ["MusicAnalyser:Spotify:RequestTimeout"] = requestTimeout,
        }).Build());
        services.AddData().AddImport().AddListening().AddSpotify();
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<DatabaseMigrator>().Migrate();
        if (connected)
        {
            provider.GetRequiredService<SpotifyTokenStore>().Save(new SpotifyTokens("access-1", "refresh-1", DateTimeOffset.UtcNow.AddHours(1), SpotifyAuthorization.Scopes));
        }
        return provider;
    }

    private static long MusicPlays(ServiceProvider services) => Scalar(services, "SELECT COUNT(*) FROM Plays WHERE Kind = 1");

    private static long Scalar(ServiceProvider services, string sql)
    {
        using var connection = services.GetRequiredService<SqliteDatabase>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The generated recently-played page with every play started from one playlist.</summary>
    private static async Task<string> PageFromPlaylistAsync(string export)
    {
        var page = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(export, "api_recently_played.json"), TestContext.Current.CancellationToken))!;
        foreach (var item in page["items"]!.AsArray())
        {
            item!["context"] = new JsonObject { ["type"] = "playlist", ["uri"] = "spotify:playlist:37i9dQZF1DXcBWIGoYBM5M" };
        }
        return page.ToJsonString();
    }

    [Fact]
    public async Task A_poll_stores_new_plays_with_their_tracks_and_the_next_poll_asks_after_them()
    {
        var export = await GeneratedExports.GetAsync("--plays", "2000", "--no-account-data", "--overlap-api", "50", "--seed", "41");
        await using var spotify = await FakeHttpServer.StartAsync();
        var page = await File.ReadAllTextAsync(Path.Combine(export, "api_recently_played.json"), TestContext.Current.CancellationToken);
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json(page));
        using var services = Services(spotify);
        var poller = services.GetRequiredService<SpotifyPoller>();
        var cursor = System.Text.Json.JsonDocument.Parse(page).RootElement.GetProperty("cursors").GetProperty("after").GetString();

        await poller.PollOnceAsync(TestContext.Current.CancellationToken);
        await poller.PollOnceAsync(TestContext.Current.CancellationToken);

        var status = services.GetRequiredService<SpotifyPollStatus>();
        Assert.Null(status.LastError);
        Assert.Equal(50, MusicPlays(services));
        Assert.Equal((0, 50L), (status.LastAdded, status.AddedSinceStart));
        var requests = spotify.RequestsTo("GET", RecentlyPlayed);
        Assert.Null(requests[0].Query("after"));
        Assert.Equal(cursor, requests[1].Query("after"));
        var overview = await services.GetRequiredService<DashboardStats>().OverviewAsync(ListeningPeriod.AllTime, TestContext.Current.CancellationToken);
        Assert.Equal(50, overview.Current.Plays);
        Assert.Equal(0, Scalar(services, "SELECT COUNT(*) FROM Tracks WHERE DurationMs IS NULL OR Isrc IS NULL OR MetadataAt IS NULL"));
        Assert.Equal(0, Scalar(services, "SELECT COUNT(*) FROM Albums WHERE ImageUrl NOT LIKE 'https://i.scdn.co/image/ab67616d00001e02%'"));
    }

    /// <summary>Everything the dashboard computes for all time, to compare two ways of arriving at the same data.</summary>
    private static async Task<object> DashboardFiguresAsync(ServiceProvider services)
    {
        var stats = services.GetRequiredService<DashboardStats>();
        var token = TestContext.Current.CancellationToken;
        var all = ListeningPeriod.AllTime;
        return new
        {
            Overview = await stats.OverviewAsync(all, token),
            OverTime = await stats.OverTimeAsync(all, token),
            Heatmap = await stats.HeatmapAsync(all, token),
            Sessions = await stats.SessionsAsync(all, 5, token),
            Streaks = await stats.StreaksAsync(all, token),
            Discovery = await stats.DiscoveryAsync(all, 5, token),
            Artists = await stats.TopAsync(TopKind.Artists, all, 0, 20, token),
            Tracks = await stats.TopAsync(TopKind.Tracks, all, 0, 20, token),
            Albums = await stats.TopAsync(TopKind.Albums, all, 0, 20, token),
        };
    }

    private static string PageOf(params (string TrackId, string Track, string ArtistId, string Artist, string PlayedAt)[] plays) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            items = plays.Select(p => new
            {
                track = new
                {
                    id = p.TrackId, name = p.Track, duration_ms = 180_000,
                    artists = new[] { new { id = p.ArtistId, name = p.Artist } },
                    album = new { id = "al" + p.TrackId[2..], name = p.Track + " (single)", images = Array.Empty<object>() },
                },
                played_at = p.PlayedAt,
                context = (object?)null,
            }),
            cursors = new { after = "1", before = "1" },
            next = (string?)null,
        });

    [Theory]
    [InlineData("2026-02-01T10:00:00.000Z", "2026-02-01T10:03:00.000Z")]
    [InlineData("2015-02-01T10:00:00.000Z", "2026-02-01T10:03:00.000Z")]
    public async Task Plays_captured_while_the_dashboard_is_open_reach_it_with_the_same_figures_as_a_fresh_start(string firstPlayedAt, string secondPlayedAt)
    {
        var export = await GeneratedExports.GetAsync("--plays", "2000", "--no-account-data", "--overlap-api", "50", "--seed", "41");
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json(PageOf(
            ("NEWTRACK00000000000001", "Brand New", "NEWARTIST0000000000001", "Newcomer", firstPlayedAt),
            ("NEWTRACK00000000000002", "Also New", "NEWARTIST0000000000001", "Newcomer", secondPlayedAt))));
        using var services = Services(spotify);
        services.GetRequiredService<ImportService>().Import([Path.Combine(export, "Spotify Extended Streaming History")], "test", new ImportProgress(), TestContext.Current.CancellationToken);
        var before = await services.GetRequiredService<DashboardStats>().OverviewAsync(ListeningPeriod.AllTime, TestContext.Current.CancellationToken);

        await services.GetRequiredService<SpotifyPoller>().PollOnceAsync(TestContext.Current.CancellationToken);
        var live = await DashboardFiguresAsync(services);
        using var restarted = Services(spotify);

        var after = await services.GetRequiredService<DashboardStats>().OverviewAsync(ListeningPeriod.AllTime, TestContext.Current.CancellationToken);
        Assert.Equal(before.Current.Plays + 2, after.Current.Plays);
        Assert.Equivalent(await DashboardFiguresAsync(restarted), live, strict: true);
    }

    [Fact]
    public async Task What_a_play_was_started_from_is_kept_and_survives_the_export_replacing_the_captured_copy()
    {
        var export = await GeneratedExports.GetAsync("--plays", "2000", "--no-account-data", "--overlap-api", "50", "--seed", "41");
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json(await PageFromPlaylistAsync(export)));
        using var services = Services(spotify);
        await services.GetRequiredService<SpotifyPoller>().PollOnceAsync(TestContext.Current.CancellationToken);
        var captured = Scalar(services, "SELECT COUNT(*) FROM PlayContextLinks l JOIN Plays p ON p.Id = l.PlayId WHERE p.Source = 3");

        var summary = services.GetRequiredService<ImportService>()
            .Import([Path.Combine(export, "Spotify Extended Streaming History")], "test", new ImportProgress(), TestContext.Current.CancellationToken);

        Assert.Equal(50, captured);
        Assert.Equal(50, summary.Replaced);
        Assert.Equal(50, Scalar(services, "SELECT COUNT(*) FROM PlayContextLinks l JOIN Plays p ON p.Id = l.PlayId WHERE p.Source = 1"));
        Assert.Equal(0, Scalar(services, "SELECT COUNT(*) FROM Plays WHERE Source = 3"));
        Assert.Equal(50, Scalar(services, "SELECT COUNT(*) FROM PlayContextLinks"));
        Assert.Equal(1, Scalar(services, "SELECT COUNT(*) FROM PlayContexts WHERE Type = 'playlist'"));
    }

    [Fact]
    public async Task While_an_import_runs_a_poll_stores_nothing_and_the_next_one_stores_the_plays()
    {
        var export = await GeneratedExports.GetAsync("--plays", "2000", "--no-account-data", "--overlap-api", "50", "--seed", "41");
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json(await File.ReadAllTextAsync(Path.Combine(export, "api_recently_played.json"), TestContext.Current.CancellationToken)));
        using var services = Services(spotify);
        var poller = services.GetRequiredService<SpotifyPoller>();

        using (ImportLock.TryAcquire(services.GetRequiredService<SqliteDatabase>().Path))
        {
            await poller.PollOnceAsync(TestContext.Current.CancellationToken);
            Assert.Contains("An import is running", services.GetRequiredService<SpotifyPollStatus>().LastError, StringComparison.Ordinal);
            Assert.Equal(0, MusicPlays(services));
            Assert.False(File.Exists(Path.Combine(_data.Path, "spotify-cursor.txt")));
        }
        await poller.PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Null(services.GetRequiredService<SpotifyPollStatus>().LastError);
        Assert.Equal(50, MusicPlays(services));
        Assert.All(spotify.RequestsTo("GET", RecentlyPlayed), r => Assert.Null(r.Query("after")));
    }

    [Fact]
    public async Task A_poll_waits_out_the_backfills_short_write_instead_of_skipping()
    {
        var export = await GeneratedExports.GetAsync("--plays", "2000", "--no-account-data", "--overlap-api", "50", "--seed", "41");
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json(await File.ReadAllTextAsync(Path.Combine(export, "api_recently_played.json"), TestContext.Current.CancellationToken)));
        using var services = Services(spotify);
        var shortWrite = ImportLock.TryAcquire(services.GetRequiredService<SqliteDatabase>().Path);
        _ = Task.Delay(200, TestContext.Current.CancellationToken).ContinueWith(_ => shortWrite!.Dispose(), TaskScheduler.Default);

        await services.GetRequiredService<SpotifyPoller>().PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(shortWrite);
        Assert.Null(services.GetRequiredService<SpotifyPollStatus>().LastError);
        Assert.Equal(50, MusicPlays(services));
    }

    [Fact]
    public async Task A_second_artist_of_the_same_name_joins_the_one_the_export_named()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json(PageOf(
            ("TWINTRACK0000000000001", "First Twin Song", "TWINARTIST000000000001", "Twin", "2026-03-01T10:00:00.000Z"),
            ("TWINTRACK0000000000002", "Other Twin Song", "TWINARTIST000000000002", "Twin", "2026-03-01T10:05:00.000Z"))));
        using var services = Services(spotify);

        await services.GetRequiredService<SpotifyPoller>().PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Null(services.GetRequiredService<SpotifyPollStatus>().LastError);
        Assert.Equal(2, MusicPlays(services));
        Assert.Equal(1, Scalar(services, "SELECT COUNT(*) FROM Artists WHERE Name = 'Twin'"));
        Assert.Equal(2, Scalar(services, "SELECT COUNT(*) FROM Tracks t JOIN Artists a ON a.Id = t.ArtistId WHERE a.Name = 'Twin'"));
    }

    [Fact]
    public async Task A_local_file_in_recently_played_is_kept_by_name_once()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json("""
            {"items":[{"track":{"id":null,"is_local":true,"name":"Home Demo","duration_ms":123000,
              "artists":[{"id":null,"name":"Me Myself"}],"album":{"id":null,"name":"Tapes","images":[]}},
              "played_at":"2026-03-01T10:00:00.000Z","context":null}],
             "cursors":{"after":"1","before":"1"},"next":null}
            """));
        using var services = Services(spotify);
        var poller = services.GetRequiredService<SpotifyPoller>();

        await poller.PollOnceAsync(TestContext.Current.CancellationToken);
        await poller.PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Null(services.GetRequiredService<SpotifyPollStatus>().LastError);
        Assert.Equal(1, MusicPlays(services));
        Assert.Equal(1, Scalar(services, "SELECT COUNT(*) FROM Tracks t JOIN Artists a ON a.Id = t.ArtistId WHERE t.Name = 'Home Demo' AND t.SpotifyId IS NULL AND a.Name = 'Me Myself'"));
    }

    [Fact]
    public async Task A_429_during_a_poll_waits_as_told_and_the_plays_are_stored_once()
    {
        var export = await GeneratedExports.GetAsync("--plays", "2000", "--no-account-data", "--overlap-api", "50", "--seed", "41");
        await using var spotify = await FakeHttpServer.StartAsync();
        var page = FakeResponse.Json(await File.ReadAllTextAsync(Path.Combine(export, "api_recently_played.json"), TestContext.Current.CancellationToken));
        spotify.On("GET", RecentlyPlayed, FakeResponse.Empty(429).WithHeader("Retry-After", "1"), page);
        using var services = Services(spotify);

        await services.GetRequiredService<SpotifyPoller>().PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Null(services.GetRequiredService<SpotifyPollStatus>().LastError);
        Assert.Equal(TimeSpan.FromSeconds(1), services.GetRequiredService<SpotifyRateLimit>().LastWait);
        Assert.Equal(2, spotify.RequestsTo("GET", RecentlyPlayed).Count);
        Assert.Equal(50, MusicPlays(services));
    }

    [Fact]
    public async Task A_slow_answer_is_given_up_and_asked_again_and_its_plays_are_stored_once()
    {
        var export = await GeneratedExports.GetAsync("--plays", "2000", "--no-account-data", "--overlap-api", "50", "--seed", "41");
        await using var spotify = await FakeHttpServer.StartAsync();
        var page = FakeResponse.Json(await File.ReadAllTextAsync(Path.Combine(export, "api_recently_played.json"), TestContext.Current.CancellationToken));
        spotify.On("GET", RecentlyPlayed, page.After(TimeSpan.FromSeconds(5)), page);
        using var services = Services(spotify, requestTimeout: "00:00:00.300");

        await services.GetRequiredService<SpotifyPoller>().PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Null(services.GetRequiredService<SpotifyPollStatus>().LastError);
        Assert.Equal(2, spotify.RequestsTo("GET", RecentlyPlayed).Count);
        Assert.Equal(50, MusicPlays(services));
    }

    [Fact]
    public async Task A_spotify_that_stays_slow_stores_nothing_and_says_so()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json("""{"items":[],"cursors":null,"next":null}""").After(TimeSpan.FromSeconds(5)));
        using var services = Services(spotify, requestTimeout: "00:00:00.100");

        await services.GetRequiredService<SpotifyPoller>().PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Contains("could not be polled", services.GetRequiredService<SpotifyPollStatus>().LastError, StringComparison.Ordinal);
        Assert.Equal(5, spotify.RequestsTo("GET", RecentlyPlayed).Count);
        Assert.False(File.Exists(Path.Combine(_data.Path, "spotify-cursor.txt")));
    }

    [Fact]
    public async Task Plays_already_imported_from_the_export_are_not_stored_again()
    {
        var export = await GeneratedExports.GetAsync("--plays", "2000", "--no-account-data", "--overlap-api", "50", "--seed", "41");
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json(await File.ReadAllTextAsync(Path.Combine(export, "api_recently_played.json"), TestContext.Current.CancellationToken)));
        using var services = Services(spotify);
        services.GetRequiredService<ImportService>().Import([Path.Combine(export, "Spotify Extended Streaming History")], "test", new ImportProgress(), TestContext.Current.CancellationToken);
        var before = MusicPlays(services);

        await services.GetRequiredService<SpotifyPoller>().PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Null(services.GetRequiredService<SpotifyPollStatus>().LastError);
        Assert.Equal(before, MusicPlays(services));
    }

    [Fact]
    public async Task An_export_imported_after_live_capture_replaces_the_captured_copies_of_its_plays()
    {
        var export = await GeneratedExports.GetAsync("--plays", "2000", "--no-account-data", "--overlap-api", "50", "--seed", "41");
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Json(await File.ReadAllTextAsync(Path.Combine(export, "api_recently_played.json"), TestContext.Current.CancellationToken)));
        using var services = Services(spotify);
        await services.GetRequiredService<SpotifyPoller>().PollOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal(50, MusicPlays(services));

        var summary = services.GetRequiredService<ImportService>()
            .Import([Path.Combine(export, "Spotify Extended Streaming History")], "test", new ImportProgress(), TestContext.Current.CancellationToken);

        using var fresh = Services(spotify, connected: false);
        fresh.GetRequiredService<ImportService>()
            .Import([Path.Combine(export, "Spotify Extended Streaming History")], "test", new ImportProgress(), TestContext.Current.CancellationToken);
        Assert.Equal(50, summary.Replaced);
        Assert.Equal(MusicPlays(fresh), MusicPlays(services));
    }

    [Fact]
    public async Task A_refused_access_token_is_refreshed_for_the_next_poll()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Empty(401), FakeResponse.Json("""{"items":[],"cursors":null,"next":null}"""));
        spotify.On("POST", "/api/token", FakeResponse.Json(new { access_token = "access-2", token_type = "Bearer", expires_in = 3600, scope = SpotifyAuthorization.Scopes }));
        using var services = Services(spotify);
        var poller = services.GetRequiredService<SpotifyPoller>();

        await poller.PollOnceAsync(TestContext.Current.CancellationToken);
        await poller.PollOnceAsync(TestContext.Current.CancellationToken);

        var polls = spotify.RequestsTo("GET", RecentlyPlayed);
        Assert.Equal(["Bearer access-1", "Bearer access-2"], polls.Select(p => p.Header("Authorization")));
        Assert.Equal("refresh-1", Assert.Single(spotify.RequestsTo("POST", "/api/token")).Form("refresh_token"));
        Assert.Null(services.GetRequiredService<SpotifyPollStatus>().LastError);
    }

    [Fact]
    public async Task A_failing_spotify_stores_nothing_and_keeps_the_cursor_and_not_connected_asks_nothing()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", RecentlyPlayed, FakeResponse.Empty(500));
        using var services = Services(spotify);
        using var unconnected = Services(spotify, connected: false);

        await services.GetRequiredService<SpotifyPoller>().PollOnceAsync(TestContext.Current.CancellationToken);
        var asked = spotify.RequestsTo("GET", RecentlyPlayed).Count;
        await unconnected.GetRequiredService<SpotifyPoller>().PollOnceAsync(TestContext.Current.CancellationToken);

        Assert.Contains("could not be polled", services.GetRequiredService<SpotifyPollStatus>().LastError, StringComparison.Ordinal);
        Assert.Equal(0, MusicPlays(services));
        Assert.False(File.Exists(Path.Combine(_data.Path, "spotify-cursor.txt")));
        Assert.Equal(5, asked);
        Assert.Equal(asked, spotify.RequestsTo("GET", RecentlyPlayed).Count);
        Assert.Null(unconnected.GetRequiredService<SpotifyPollStatus>().LastError);
    }
}
