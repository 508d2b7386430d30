using System.Text.Json;
using MusicAnalyser.Features.Listening;
using MusicAnalyser.Tests.Infrastructure;
using static MusicAnalyser.Tests.Import.HandWrittenExport;

namespace MusicAnalyser.Tests.Import;

public sealed class ImportServiceTests
{
    private const string ExtendedFolder = "Spotify Extended Streaming History";
    private const string AccountFolder = "MyData";
    private const string OverlapSkip = "duplicate of an extended-history play";

    private static Task<string> Export() => GeneratedExports.GetAsync("--plays", "5000", "--zip");

    [Fact]
    public async Task Importing_the_same_zip_twice_adds_nothing_the_second_time()
    {
        var zip = Path.Combine(await Export(), GeneratedExports.ZipFileName);
        using var db = new ImportedDatabase();

        var first = db.Import(zip);
        var playsAfterFirst = db.Plays;
        var second = db.Import(zip);

        Assert.Empty(first.RejectedFiles);
        Assert.Empty(second.RejectedFiles);
        Assert.True(first.Added > 4000, $"the first import added only {first.Added} plays");
        Assert.Equal(first.Entries, first.Added + first.Duplicates + first.SkippedTotal);
        Assert.Equal(second.Entries, second.Added + second.Duplicates + second.SkippedTotal);
        Assert.Equal(0, second.Added);
        Assert.Equal(first.Added, second.Duplicates);
        Assert.Equal(playsAfterFirst, db.Plays);
    }

    [Fact]
    public void Identical_rows_in_one_account_data_file_are_two_plays_and_a_reimport_adds_none()
    {
        using var files = new TempFolder("import-input");
        var file = Write(files.Combine(AccountFolder, "StreamingHistory_music_0.json"),
            AccountTrack("2024-05-01 08:00", "Loopers", "Again", 30_000),
            AccountTrack("2024-05-01 08:00", "Loopers", "Again", 30_000),
            AccountTrack("2024-05-01 08:03", "Loopers", "Once More", 180_000));
        using var db = new ImportedDatabase();

        var first = db.Import(file);
        var second = db.Import(file);

        Assert.Equal(3, first.Added);
        Assert.Equal(2, db.Scalar("SELECT COUNT(*) FROM Plays p JOIN Tracks t ON t.Id = p.TrackId WHERE t.Name = 'Again'"));
        Assert.Equal(0, second.Added);
        Assert.Equal(3, second.Duplicates);
        Assert.Equal(3, db.Plays);
    }

    [Fact]
    public async Task Account_data_that_repeats_extended_history_is_counted_once()
    {
        var export = await Export();
        var expected = ExpectedOverlap.Of(export);
        using var db = new ImportedDatabase();

        var summary = db.Import(Path.Combine(export, GeneratedExports.ZipFileName));

        Assert.Empty(summary.RejectedFiles);
        Assert.True(expected.MatchedAccountEntries > 4000, $"the generated account data matched only {expected.MatchedAccountEntries} entries");
        Assert.Equal(expected.MatchedAccountEntries, summary.Skipped.GetValueOrDefault(OverlapSkip));
        Assert.Equal(expected.MusicPlays, db.Scalar("SELECT COUNT(*) FROM Plays WHERE Kind = 1"));
        Assert.Equal(expected.MusicPlays, db.Overview(ListeningPeriod.AllTime).Plays);
    }

    [Fact]
    public async Task Extended_history_imported_after_account_data_replaces_the_account_copies()
    {
        var export = await Export();
        var expected = ExpectedOverlap.Of(export);
        using var extendedFirst = new ImportedDatabase();
        extendedFirst.Import(Path.Combine(export, GeneratedExports.ZipFileName));
        using var db = new ImportedDatabase();

        var account = db.Import(Path.Combine(export, AccountFolder));
        var extended = db.Import(Path.Combine(export, ExtendedFolder));

        Assert.Empty(account.RejectedFiles);
        Assert.Empty(extended.RejectedFiles);
        Assert.True(extended.Replaced > 0, "the extended history replaced no account-data play");
        Assert.Equal(expected.MatchedAccountEntries, extended.Replaced);
        Assert.Equal(expected.MusicPlays, db.Scalar("SELECT COUNT(*) FROM Plays WHERE Kind = 1"));
        Assert.Equal(extendedFirst.Plays, db.Plays);
    }

    [Fact]
    public void Offline_timestamps_in_seconds_and_in_milliseconds_are_both_stored_as_milliseconds()
    {
        using var files = new TempFolder("import-input");
        var file = Write(files.Combine("Streaming_History_Audio_2023.json"),
            Track("2023-11-14T22:20:00Z", "Seconds", "Clock", 120_000, offlineTimestamp: "1700000000"),
            Track("2023-11-14T22:25:00Z", "Milliseconds", "Clock", 120_000, offlineTimestamp: "1700000300123"));
        using var db = new ImportedDatabase();

        db.Import(file);

        Assert.Equal(1_700_000_000_000, OfflineTimestampOf(db, "Seconds"));
        Assert.Equal(1_700_000_300_123, OfflineTimestampOf(db, "Milliseconds"));
    }

    [Fact]
    public void Names_with_invisible_marks_and_no_break_spaces_are_kept_exactly_as_given()
    {
        const string track = "\u200EIntro\u00A0(Live)\u200E";
        const string artist = "Ólafur\u00A0Arnalds\u200E";
        using var files = new TempFolder("import-input");
        var file = Write(files.Combine("Streaming_History_Audio_2023.json"),
            Track("2023-02-01T12:00:00Z", track, artist, 200_000, "spotify:track:4uLU6hMCjMI75M1A2tKUQC"),
            Track("2023-02-01T12:05:00Z", "Intro (Live)", "Ólafur Arnalds", 200_000, "spotify:track:5uLU6hMCjMI75M1A2tKUQC"));
        using var db = new ImportedDatabase();

        db.Import(file);

        Assert.Equal(
            new[] { "Intro (Live)", track }.Order(StringComparer.Ordinal),
            db.Strings("SELECT Name FROM Tracks").Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { "Ólafur Arnalds", artist }.Order(StringComparer.Ordinal),
            db.Strings("SELECT Name FROM Artists").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_entry_played_for_zero_milliseconds_is_still_a_play()
    {
        using var files = new TempFolder("import-input");
        var file = Write(files.Combine("Streaming_History_Audio_2023.json"),
            Track("2023-02-01T12:00:00Z", "Skipped At Once", "Impatient", 0, "spotify:track:0000000000000000000009"));
        using var db = new ImportedDatabase();

        var summary = db.Import(file);

        Assert.Equal(1, summary.Added);
        Assert.Equal(0, db.Scalar("SELECT MsPlayed FROM Plays"));
        Assert.Equal(1, db.Overview(ListeningPeriod.AllTime).Plays);
    }

    [Fact]
    public void An_entry_with_neither_track_nor_episode_is_skipped_under_its_reason()
    {
        using var files = new TempFolder("import-input");
        var file = Write(files.Combine("Streaming_History_Audio_2023.json"),
            Track("2023-02-01T12:00:00Z", null, null, 95_000),
            Track("2023-02-01T12:05:00Z", "Something", "Someone", 95_000));
        using var db = new ImportedDatabase();

        var summary = db.Import(file);

        Assert.Equal(2, summary.Entries);
        Assert.Equal(1, summary.Added);
        Assert.Equal(new Dictionary<string, long> { ["no track or episode"] = 1 }, summary.Skipped);
        Assert.Equal(1, db.Plays);
    }

    [Fact]
    public void Podcast_and_video_plays_are_stored_as_such_and_never_counted_as_music()
    {
        using var files = new TempFolder("import-input");
        Write(files.Combine("export", "Streaming_History_Audio_2023.json"),
            Track("2023-02-01T12:00:00Z", "A Song", "A Band", 200_000, "spotify:track:0000000000000000000011"),
            Episode("2023-02-01T13:00:00Z", "Episode One", "A Show", 1_800_000, "spotify:episode:0000000000000000000021"));
        Write(files.Combine("export", "Streaming_History_Video_2023.json"),
            Episode("2023-02-01T14:00:00Z", "Episode Two (video)", "A Show", 900_000, "spotify:episode:0000000000000000000022"));
        using var db = new ImportedDatabase();

        db.Import(files.Combine("export"));
        var overview = db.Overview(ListeningPeriod.AllTime);

        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM Plays WHERE Kind = 1"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM Plays WHERE Kind = 2"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM Plays WHERE Kind = 4"));
        Assert.Equal(1, overview.Plays);
        Assert.Equal(200_000 / 60_000.0, overview.Minutes, 2);
    }

    [Fact]
    public void Files_in_a_zip_that_are_not_streaming_history_are_listed_as_ignored_not_rejected()
    {
        using var files = new TempFolder("import-input");
        var zip = Zip(files.Combine("my_spotify_data.zip"),
            ("Spotify Extended Streaming History/Streaming_History_Audio_2010.json", Utf8(Array(ThreePlaysOf2010))),
            ("Spotify Account Data/Userdata.json", Utf8("""{ "username": "listener", "country": "DE" }""")),
            ("Spotify Account Data/Read Me First.pdf", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37]));
        using var db = new ImportedDatabase();

        var summary = db.Import(zip);

        Assert.Empty(summary.RejectedFiles);
        Assert.Equal(3, summary.Added);
        Assert.Equal(
            ["my_spotify_data.zip/Spotify Account Data/Userdata.json", "my_spotify_data.zip/Spotify Account Data/Read Me First.pdf"],
            summary.IgnoredFiles);
    }

    private static long OfflineTimestampOf(ImportedDatabase db, string track) =>
        db.Scalar($"SELECT p.OfflineTimestamp FROM Plays p JOIN Tracks t ON t.Id = p.TrackId WHERE t.Name = '{track}'");

    /// <summary>
    /// What a generated export should come to, worked out from its JSON directly: an account-data entry is the
    /// same play as an extended one when kind, names and ms played match and the extended end time falls in
    /// the account entry's minute. Music plays are the extended music entries alone: the account data's
    /// "Unknown Track" by "Unknown Artist" stands for a removed track that extended history leaves nameless.
    /// </summary>
    private sealed record ExpectedOverlap(long MusicPlays, long MatchedAccountEntries)
    {
        public static ExpectedOverlap Of(string export)
        {
            var extended = new Dictionary<(string Kind, string? Owner, string? Name, int Ms, string Minute), int>();
            long extendedMusic = 0;
            foreach (var entry in Entries(Path.Combine(export, ExtendedFolder)))
            {
                var minute = entry.GetProperty("ts").GetString()![..16].Replace('T', ' ');
                var ms = entry.GetProperty("ms_played").GetInt32();
                (string, string?, string?, int, string)? key = null;
                if (Text(entry, "spotify_track_uri") is not null || Text(entry, "master_metadata_track_name") is not null)
                {
                    extendedMusic++;
                    key = ("music", Text(entry, "master_metadata_album_artist_name"), Text(entry, "master_metadata_track_name"), ms, minute);
                }
                else if (Text(entry, "spotify_episode_uri") is not null || Text(entry, "episode_name") is not null)
                {
                    key = ("podcast", Text(entry, "episode_show_name"), Text(entry, "episode_name"), ms, minute);
                }
                if (key is { } k)
                {
                    extended[k] = extended.GetValueOrDefault(k) + 1;
                }
            }

            long matched = 0;
            foreach (var entry in Entries(Path.Combine(export, AccountFolder)))
            {
                var music = entry.TryGetProperty("trackName", out _);
                var key = music
                    ? ("music", Text(entry, "artistName"), Text(entry, "trackName"), entry.GetProperty("msPlayed").GetInt32(), entry.GetProperty("endTime").GetString()!)
                    : ("podcast", Text(entry, "podcastName"), Text(entry, "episodeName"), entry.GetProperty("msPlayed").GetInt32(), entry.GetProperty("endTime").GetString()!);
                if (extended.GetValueOrDefault(key) > 0)
                {
                    extended[key]--;
                    matched++;
                }
            }
            return new ExpectedOverlap(extendedMusic, matched);
        }

        private static string? Text(JsonElement entry, string key) =>
            entry.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static List<JsonElement> Entries(string folder)
        {
            var entries = new List<JsonElement>();
            foreach (var file in Directory.GetFiles(folder, "*.json"))
            {
                using var stream = File.OpenRead(file);
                using var json = JsonDocument.Parse(stream);
                entries.AddRange(json.RootElement.EnumerateArray().Select(e => e.Clone()));
            }
            return entries;
        }
    }
}
