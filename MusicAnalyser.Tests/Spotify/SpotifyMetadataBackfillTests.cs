using MusicAnalyser.Data;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Features.Listening;
using MusicAnalyser.Features.Spotify;
using MusicAnalyser.Tests.Fakes;
using MusicAnalyser.Tests.Import;
using MusicAnalyser.Tests.Infrastructure;
using static MusicAnalyser.Tests.Import.HandWrittenExport;

namespace MusicAnalyser.Tests.Spotify;

/// <summary>
/// Filling in what the export lacks from a fake Spotify: tracks (credits, album cover, duration, ISRC), then
/// their artists (genres, pictures), most played first, one call each unless the app has extended access.
/// </summary>
public sealed class SpotifyMetadataBackfillTests : IDisposable
{
    private const string SongA = "1AAAAAAAAAAAAAAAAAAAAA", SongB = "2BBBBBBBBBBBBBBBBBBBBB", Removed = "3CCCCCCCCCCCCCCCCCCCCC";
    private const string Rocker = "4RRRRRRRRRRRRRRRRRRRRR", Guest = "5GGGGGGGGGGGGGGGGGGGGG", Crooner = "6KKKKKKKKKKKKKKKKKKKKK";
    private readonly TempFolder _input = new("backfill");

    public void Dispose() => _input.Dispose();

    /// <summary>Song A by Rocker three times, Song B by Crooner twice, and a track Spotify has since removed once.</summary>
    private ImportedDatabase Database(FakeHttpServer spotify, bool extendedAccess = false)
    {
        var db = new ImportedDatabase(new Dictionary<string, string?>
        {
            ["MusicAnalyser:Spotify:ApiBaseUrl"] = spotify.BaseAddress.ToString(),
            ["MusicAnalyser:Spotify:AccountsBaseUrl"] = spotify.BaseAddress.ToString(),
            ["MusicAnalyser:Spotify:RetryDelay"] = "00:00:00.010",
            ["MusicAnalyser:Spotify:MetadataPace"] = "00:00:00",
            ["MusicAnalyser:Spotify:ExtendedApiAccess"] = extendedAccess ? "true" : "false",
        });
        db.Import(Write(_input.Combine(Guid.NewGuid().ToString("N"), "Streaming_History_Audio_2024.json"),
            Track("2024-03-01T10:00:00Z", "Song B", "Crooner", 200_000, $"spotify:track:{SongB}", album: "Croons"),
            Track("2024-03-01T10:04:00Z", "Song B", "Crooner", 200_000, $"spotify:track:{SongB}", album: "Croons"),
            Track("2024-03-01T11:00:00Z", "Song A", "Rocker", 200_000, $"spotify:track:{SongA}", album: "Rocks"),
            Track("2024-03-01T11:04:00Z", "Song A", "Rocker", 200_000, $"spotify:track:{SongA}", album: "Rocks"),
            Track("2024-03-01T11:08:00Z", "Song A", "Rocker", 200_000, $"spotify:track:{SongA}", album: "Rocks"),
            Track("2024-03-01T12:00:00Z", "Gone", "Faded", 100_000, $"spotify:track:{Removed}", album: "Lost")));
        db.Service<SpotifyTokenStore>().Save(new SpotifyTokens("access-1", "refresh-1", DateTimeOffset.UtcNow.AddHours(1), SpotifyAuthorization.Scopes));
        return db;
    }

    private static object TrackJson(string id, string name, string album, params (string Id, string Name)[] artists) => new
    {
        id, name, duration_ms = 215_000,
        artists = artists.Select(a => new { id = a.Id, name = a.Name }),
        album = new
        {
            id = "al" + id[2..], name = album, artists = artists.Take(1).Select(a => new { id = a.Id, name = a.Name }),
            images = new[] { new { url = $"https://i.scdn.co/image/{album}-640", width = 640, height = 640 }, new { url = $"https://i.scdn.co/image/{album}-300", width = 300, height = 300 } },
        },
        external_ids = new { isrc = "ISRC" + id[..4] },
    };

    private static object ArtistJson(string id, string name, params string[] genres) =>
        new { id, name, genres, images = new[] { new { url = $"https://i.scdn.co/image/{name}-320", width = 320, height = 320 } } };

    private static void AnswerEachItem(FakeHttpServer spotify)
    {
        spotify.On("GET", $"/v1/tracks/{SongA}", FakeResponse.Json(TrackJson(SongA, "Song A", "Rocks", (Rocker, "Rocker"), (Guest, "Guest"))));
        spotify.On("GET", $"/v1/tracks/{SongB}", FakeResponse.Json(TrackJson(SongB, "Song B", "Croons", (Crooner, "Crooner"))));
        spotify.On("GET", $"/v1/tracks/{Removed}", FakeResponse.Json(new { error = new { status = 404, message = "Non existing id" } }, 404));
        spotify.On("GET", $"/v1/artists/{Rocker}", FakeResponse.Json(ArtistJson(Rocker, "Rocker", "rock", "pop")));
        spotify.On("GET", $"/v1/artists/{Guest}", FakeResponse.Json(ArtistJson(Guest, "Guest", "jazz")));
        spotify.On("GET", $"/v1/artists/{Crooner}", FakeResponse.Json(ArtistJson(Crooner, "Crooner")));
    }

    private static IEnumerable<string> Asked(FakeHttpServer spotify) => spotify.Requests.Select(r => r.Path);

    [Fact]
    public async Task Tracks_then_their_artists_are_filled_in_most_played_first_and_their_genres_reach_the_dashboard()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        AnswerEachItem(spotify);
        using var db = Database(spotify);
        var genresBefore = await db.Service<DashboardStats>().GenresAsync(ListeningPeriod.AllTime, 10, TestContext.Current.CancellationToken);

        await db.Service<SpotifyMetadataBackfill>().RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal(
            [$"/v1/tracks/{SongA}", $"/v1/tracks/{SongB}", $"/v1/tracks/{Removed}", $"/v1/artists/{Rocker}", $"/v1/artists/{Crooner}", $"/v1/artists/{Guest}"],
            Asked(spotify));
        Assert.All(spotify.Requests, r => Assert.Equal("Bearer access-1", r.Header("Authorization")));
        Assert.Null(db.Service<SpotifyMetadataStatus>().LastError);
        Assert.Null(genresBefore);
        var genres = await db.Service<DashboardStats>().GenresAsync(ListeningPeriod.AllTime, 10, TestContext.Current.CancellationToken);
        Assert.Equal([("pop", 10.0), ("rock", 10.0)], genres);
        Assert.Equal(["Rocker", "Guest"], db.Strings($"SELECT a.Name FROM TrackArtists c JOIN Artists a ON a.Id = c.ArtistId JOIN Tracks t ON t.Id = c.TrackId WHERE t.SpotifyId = '{SongA}' ORDER BY c.Position"));
        Assert.Equal(["215000 ISRC1AAA https://i.scdn.co/image/Rocks-300"], db.Strings(
            $"SELECT t.DurationMs || ' ' || t.Isrc || ' ' || b.ImageUrl FROM Tracks t JOIN Albums b ON b.Id = t.AlbumId WHERE t.SpotifyId = '{SongA}'"));
        Assert.Equal(["https://i.scdn.co/image/Rocker-320"], db.Strings("SELECT ImageUrl FROM Artists WHERE Name = 'Rocker'"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM Albums WHERE Name = 'Rocks'"));
        Assert.Equal(3, db.Scalar("SELECT COUNT(*) FROM Tracks"));

        await db.Service<SpotifyMetadataBackfill>().RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal(6, spotify.Requests.Count);
    }

    [Fact]
    public async Task A_failing_spotify_stops_the_backfill_and_the_next_run_goes_on_where_it_stopped()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        AnswerEachItem(spotify);
        spotify.On("GET", $"/v1/tracks/{SongB}", FakeResponse.Empty(500));
        using var db = Database(spotify);
        var backfill = db.Service<SpotifyMetadataBackfill>();

        await backfill.RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Contains("go on at the next run", db.Service<SpotifyMetadataStatus>().LastError, StringComparison.Ordinal);
        Assert.Equal([$"/v1/tracks/{SongA}", .. Enumerable.Repeat($"/v1/tracks/{SongB}", 5)], Asked(spotify));
        Assert.Equal(215_000, db.Scalar($"SELECT DurationMs FROM Tracks WHERE SpotifyId = '{SongA}'"));

        AnswerEachItem(spotify);
        var before = spotify.Requests.Count;
        await backfill.RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Null(db.Service<SpotifyMetadataStatus>().LastError);
        Assert.Equal(
            [$"/v1/artists/{Rocker}", $"/v1/artists/{Guest}", $"/v1/tracks/{SongB}", $"/v1/tracks/{Removed}", $"/v1/artists/{Crooner}"],
            Asked(spotify).Skip(before));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Tracks WHERE MetadataAt IS NULL"));
    }

    [Fact]
    public async Task A_429_pauses_the_backfill_for_as_long_as_spotify_asks_and_loses_nothing()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        AnswerEachItem(spotify);
        spotify.On("GET", $"/v1/artists/{Rocker}",
            FakeResponse.Empty(429).WithHeader("Retry-After", "1"), FakeResponse.Json(ArtistJson(Rocker, "Rocker", "rock", "pop")));
        using var db = Database(spotify);

        await db.Service<SpotifyMetadataBackfill>().RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Null(db.Service<SpotifyMetadataStatus>().LastError);
        Assert.Equal(TimeSpan.FromSeconds(1), db.Service<SpotifyRateLimit>().LastWait);
        Assert.Equal(2, spotify.RequestsTo("GET", $"/v1/artists/{Rocker}").Count);
        Assert.Equal(["pop", "rock"], db.Strings("SELECT g.Name FROM Genres g JOIN ArtistGenres l ON l.GenreId = g.Id JOIN Artists a ON a.Id = l.ArtistId WHERE a.Name = 'Rocker' ORDER BY g.Name"));
    }

    [Fact]
    public async Task A_stop_mid_run_keeps_what_was_filled_in_and_the_next_run_asks_only_for_the_rest()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        AnswerEachItem(spotify);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var songB = FakeResponse.Json(TrackJson(SongB, "Song B", "Croons", (Crooner, "Crooner")));
        spotify.On("GET", $"/v1/tracks/{SongB}", _ =>
        {
            // The app is told to stop while Spotify answers the second track.
            stopping.Cancel();
            return songB;
        });
        using var db = Database(spotify);
        var backfill = db.Service<SpotifyMetadataBackfill>();

        await backfill.RunAsync(TimeSpan.FromMinutes(1), stopping.Token);
        var askedBeforeStop = Asked(spotify).ToList();
        await backfill.RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal(215_000, db.Scalar($"SELECT DurationMs FROM Tracks WHERE SpotifyId = '{SongA}'"));
        Assert.Equal([$"/v1/tracks/{SongA}", $"/v1/tracks/{SongB}"], askedBeforeStop);
        Assert.DoesNotContain($"/v1/tracks/{SongA}", Asked(spotify).Skip(askedBeforeStop.Count));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Tracks WHERE MetadataAt IS NULL"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Artists WHERE SpotifyId IS NOT NULL AND MetadataAt IS NULL"));
    }

    [Fact]
    public async Task With_extended_access_tracks_and_artists_come_fifty_to_a_call()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", "/v1/tracks", FakeResponse.Json(new
        {
            tracks = new[] { TrackJson(SongA, "Song A", "Rocks", (Rocker, "Rocker"), (Guest, "Guest")), TrackJson(SongB, "Song B", "Croons", (Crooner, "Crooner")), null },
        }));
        spotify.On("GET", "/v1/artists", FakeResponse.Json(new
        {
            artists = new[] { ArtistJson(Rocker, "Rocker", "rock", "pop"), ArtistJson(Crooner, "Crooner"), ArtistJson(Guest, "Guest", "jazz") },
        }));
        using var db = Database(spotify, extendedAccess: true);

        await db.Service<SpotifyMetadataBackfill>().RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal($"{SongA},{SongB},{Removed}", Assert.Single(spotify.RequestsTo("GET", "/v1/tracks")).Query("ids"));
        Assert.Equal($"{Rocker},{Crooner},{Guest}", Assert.Single(spotify.RequestsTo("GET", "/v1/artists")).Query("ids"));
        Assert.Equal(2, spotify.Requests.Count);
        Assert.Equal(["jazz", "pop", "rock"], db.Strings("SELECT Name FROM Genres ORDER BY Name"));
    }

    [Fact]
    public async Task An_answer_that_cannot_be_stored_is_skipped_and_the_rest_is_filled_in()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        AnswerEachItem(spotify);
        spotify.On("GET", $"/v1/tracks/{SongA}", FakeResponse.Json($$$"""
            {"id":"{{{SongA}}}","name":"Song A","duration_ms":1,"artists":[{"id":"{{{Rocker}}}","name":"Rocker"}],"album":{"id":"x","name":null}}
            """));
        using var db = Database(spotify);

        await db.Service<SpotifyMetadataBackfill>().RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Contains($"{SongA} could not be stored", db.Service<SpotifyMetadataStatus>().LastError, StringComparison.Ordinal);
        Assert.Equal(215_000, db.Scalar($"SELECT DurationMs FROM Tracks WHERE SpotifyId = '{SongB}'"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Tracks WHERE MetadataAt IS NULL"));
        Assert.Equal(["Crooner"], db.Strings("SELECT Name FROM Artists WHERE MetadataAt IS NOT NULL"));
    }

    [Fact]
    public async Task A_batch_spotify_refuses_as_a_whole_is_asked_for_again_one_by_one()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        AnswerEachItem(spotify);
        spotify.On("GET", "/v1/tracks", FakeResponse.Json(new { error = new { status = 400, message = "invalid id" } }, 400));
        spotify.On("GET", "/v1/artists", FakeResponse.Json(new { error = new { status = 400, message = "invalid id" } }, 400));
        using var db = Database(spotify, extendedAccess: true);

        await db.Service<SpotifyMetadataBackfill>().RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Null(db.Service<SpotifyMetadataStatus>().LastError);
        Assert.Equal([$"/v1/tracks/{SongA}", $"/v1/tracks/{SongB}", $"/v1/tracks/{Removed}"], Asked(spotify).Where(p => p.StartsWith("/v1/tracks/", StringComparison.Ordinal)));
        Assert.Equal(["jazz", "pop", "rock"], db.Strings("SELECT Name FROM Genres ORDER BY Name"));
    }

    [Fact]
    public async Task While_an_import_runs_the_backfill_writes_nothing_and_goes_on_afterwards()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        AnswerEachItem(spotify);
        using var db = Database(spotify);
        var backfill = db.Service<SpotifyMetadataBackfill>();

        using (ImportLock.TryAcquire(db.Service<SqliteDatabase>().Path))
        {
            await backfill.RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
            Assert.Equal("Filling in metadata waits for the running import to finish.", db.Service<SpotifyMetadataStatus>().LastError);
            Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Tracks WHERE MetadataAt IS NOT NULL"));
        }
        await backfill.RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Null(db.Service<SpotifyMetadataStatus>().LastError);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Tracks WHERE MetadataAt IS NULL"));
    }

    [Fact]
    public async Task Without_a_connection_nothing_is_asked_and_nothing_changes()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        AnswerEachItem(spotify);
        using var db = Database(spotify);
        db.Service<SpotifyTokenStore>().Delete();
        var version = db.Service<ListeningData>().Version();

        await db.Service<SpotifyMetadataBackfill>().RunAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Empty(spotify.Requests);
        Assert.Equal(version, db.Service<ListeningData>().Version());
    }
}
