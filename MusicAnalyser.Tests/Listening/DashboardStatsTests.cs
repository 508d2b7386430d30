using MusicAnalyser.Features.Listening;
using MusicAnalyser.Tests.Import;
using MusicAnalyser.Tests.Infrastructure;
using static MusicAnalyser.Tests.Import.HandWrittenExport;

namespace MusicAnalyser.Tests.Listening;

public sealed class DashboardStatsTests : IDisposable
{
    private static readonly Dictionary<string, string?> Berlin = new() { ["MusicAnalyser:TimeZone"] = "Europe/Berlin" };
    private readonly TempFolder _input = new("dashboard-stats");

    public void Dispose() => _input.Dispose();

    private static string Play(string ts, string track, string artist, int ms, bool skipped = false) =>
        Track(ts, track, artist, ms, "spotify:track:" + (artist + track).PadRight(22, 'x')[..22])
            .Replace("\"skipped\": false", skipped ? "\"skipped\": true" : "\"skipped\": false", StringComparison.Ordinal);

    [Fact]
    public async Task A_day_across_the_spring_DST_change_holds_the_plays_of_that_local_day_only()
    {
        // Berlin moves from +1 to +2 at 01:00 UTC on 31 March 2024: that local day runs from 30 March 23:00 UTC
        // to 31 March 22:00 UTC (23 hours).
        var path = Write(_input.Combine("dst", "Streaming_History_Audio_2024.json"),
            Play("2024-03-29T12:00:00Z", "Earlier", "Old Friend", 120_000),
            Play("2024-03-30T22:59:59Z", "Eve", "Old Friend", 60_000),
            Play("2024-03-30T23:00:00Z", "Midnight", "New Find", 45_000),
            Play("2024-03-31T21:59:59Z", "Late", "New Find", 10_000, skipped: true),
            Play("2024-03-31T22:00:00Z", "Next day", "Old Friend", 30_000));
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);
        var day = new ListeningPeriod(new DateOnly(2024, 3, 31), new DateOnly(2024, 3, 31));

        var panel = await db.Service<DashboardStats>().OverviewAsync(day, TestContext.Current.CancellationToken);

        Assert.Equal(new PeriodFigures(Minutes: 55_000 / 60000.0, Streams: 1, Plays: 2, Tracks: 2, Artists: 1, Albums: 1, NewArtists: 1, SkipRate: 0.5,
            FirstPlayAt: Unix("2024-03-30T23:00:00Z"), LastPlayAt: Unix("2024-03-31T21:59:59Z")), panel.Current);
        Assert.Equal(new ListeningPeriod(new DateOnly(2024, 3, 30), new DateOnly(2024, 3, 30)), panel.PreviousPeriod);
        Assert.Equal(new PeriodFigures(Minutes: 1, Streams: 1, Plays: 1, Tracks: 1, Artists: 1, Albums: 1, NewArtists: 0, SkipRate: 0,
            FirstPlayAt: Unix("2024-03-30T22:59:59Z"), LastPlayAt: Unix("2024-03-30T22:59:59Z")), panel.Previous);
    }

    private static long Unix(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();

    [Fact]
    public async Task Minutes_over_time_are_per_day_for_a_week_and_per_month_for_all_time_with_empty_steps_kept()
    {
        var path = Write(_input.Combine("time", "Streaming_History_Audio_2024.json"),
            Play("2024-01-01T10:00:00Z", "One", "Band", 60_000),
            Play("2024-01-03T10:00:00Z", "Two", "Band", 120_000),
            Play("2024-01-03T11:00:00Z", "Three", "Band", 30_000),
            Play("2025-03-15T10:00:00Z", "Four", "Band", 240_000));
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);
        var stats = db.Service<DashboardStats>();

        var week = await stats.OverTimeAsync(new ListeningPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 7)), TestContext.Current.CancellationToken);
        var all = await stats.OverTimeAsync(ListeningPeriod.AllTime, TestContext.Current.CancellationToken);

        Assert.Equal(TimeStep.Day, week.Step);
        Assert.Equal(7, week.Starts.Count);
        Assert.Equal([1.0, 0, 2.5, 0, 0, 0, 0], week.Minutes);
        Assert.Equal(TimeStep.Month, all.Step);
        Assert.Equal(Enumerable.Range(0, 15).Select(m => new DateOnly(2024, 1, 1).AddMonths(m)), all.Starts);
        Assert.Equal([3.5, .. Enumerable.Repeat(0.0, 13), 4.0], all.Minutes);
    }

    [Fact]
    public async Task Figures_follow_a_new_import_without_a_restart()
    {
        var first = Write(_input.Combine("growing", "Streaming_History_Audio_2024_0.json"), Play("2024-05-01T10:00:00Z", "One", "Band", 60_000));
        var second = Write(_input.Combine("growing", "Streaming_History_Audio_2024_1.json"), Play("2024-05-02T10:00:00Z", "Two", "Band", 60_000));
        using var db = new ImportedDatabase(Berlin);
        var stats = db.Service<DashboardStats>();
        db.Import(first);
        var before = await stats.OverviewAsync(ListeningPeriod.AllTime, TestContext.Current.CancellationToken);

        db.Import(second);
        var after = await stats.OverviewAsync(ListeningPeriod.AllTime, TestContext.Current.CancellationToken);

        Assert.Equal(1, before.Current.Plays);
        Assert.Equal(2, after.Current.Plays);
        Assert.Null(after.Previous);
    }

    [Fact]
    public async Task Top_artists_rank_by_minutes_then_name_show_their_move_and_page_on()
    {
        var path = Write(_input.Combine("top", "Streaming_History_Audio_2024.json"),
            // Week before: Cello first, Bass second.
            Play("2024-01-01T10:00:00Z", "c1", "Cello", 300_000),
            Play("2024-01-02T10:00:00Z", "b1", "Bass", 200_000),
            // The week: Bass and Alto tie on minutes (Alto first by name), Cello third, Drum fourth.
            Play("2024-01-08T10:00:00Z", "b2", "Bass", 240_000),
            Play("2024-01-09T10:00:00Z", "a1", "Alto", 120_000),
            Play("2024-01-09T11:00:00Z", "a2", "Alto", 120_000),
            Play("2024-01-10T10:00:00Z", "c2", "Cello", 100_000),
            Play("2024-01-11T10:00:00Z", "d1", "Drum", 20_000));
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);
        var week = new ListeningPeriod(new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 14));
        var stats = db.Service<DashboardStats>();

        var first = await stats.TopAsync(TopKind.Artists, week, 0, 3, TestContext.Current.CancellationToken);
        var next = await stats.TopAsync(TopKind.Artists, week, 3, 3, TestContext.Current.CancellationToken);

        Assert.Equal(["Alto", "Bass", "Cello"], first.Select(a => a.Name));
        Assert.Equal([1, 2, 3], first.Select(a => a.Rank));
        Assert.Equal([null, 2, 1], first.Select(a => a.PreviousRank));
        Assert.Equal([4.0, 4.0, 100_000 / 60000.0], first.Select(a => a.Minutes), new ToleranceComparer(0.01));
        Assert.Equal([2, 1, 1], first.Select(a => a.Streams));
        var drum = Assert.Single(next);
        Assert.Equal((4, "Drum", 0L), (drum.Rank, drum.Name, drum.Streams));
    }

    [Fact]
    public async Task Top_tracks_name_their_artist_and_top_albums_leave_out_plays_with_no_album()
    {
        var path = Write(_input.Combine("top-items", "Streaming_History_Audio_2024.json"),
            Track("2024-02-01T10:00:00Z", "Hit", "Band", 300_000, "spotify:track:00000000000000000000h1", album: "Greatest"),
            Track("2024-02-01T10:10:00Z", "Hit", "Band", 300_000, "spotify:track:00000000000000000000h1", album: "Greatest"),
            Track("2024-02-01T10:20:00Z", "B-side", "Band", 100_000, "spotify:track:00000000000000000000b1", album: "Greatest"),
            Track("2024-02-01T10:30:00Z", "Loose", "Solo", 900_000, "spotify:track:00000000000000000000l1", album: null));
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);
        var stats = db.Service<DashboardStats>();

        var tracks = await stats.TopAsync(TopKind.Tracks, ListeningPeriod.AllTime, 0, 10, TestContext.Current.CancellationToken);
        var albums = await stats.TopAsync(TopKind.Albums, ListeningPeriod.AllTime, 0, 10, TestContext.Current.CancellationToken);

        Assert.Equal(["Loose · Solo", "Hit · Band", "B-side · Band"], tracks.Select(t => t.Name));
        Assert.Equal([15.0, 10.0, 100_000 / 60000.0], tracks.Select(t => t.Minutes), new ToleranceComparer(0.01));
        var album = Assert.Single(albums);
        Assert.Equal(("Greatest · Band", 3L), (album.Name, album.Streams));
    }

    [Fact]
    public async Task The_heatmap_puts_each_play_in_its_local_weekday_and_hour_in_winter_and_summer_time()
    {
        var path = Write(_input.Combine("heat", "Streaming_History_Audio_2024.json"),
            Play("2024-01-01T07:30:00Z", "Winter Monday", "Band", 60_000),   // Monday 08:30 CET
            Play("2024-06-03T06:30:00Z", "Summer Monday", "Band", 120_000),  // Monday 08:30 CEST
            Play("2024-01-07T22:59:00Z", "Sunday night", "Band", 30_000));   // Sunday 23:59 CET
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);

        var heat = await db.Service<DashboardStats>().HeatmapAsync(ListeningPeriod.AllTime, TestContext.Current.CancellationToken);

        Assert.Equal(3.0, heat[0, 8]);
        Assert.Equal(0.5, heat[6, 23]);
        Assert.Equal(3.5, heat.Cast<double>().Sum());
    }

    [Fact]
    public async Task Sessions_join_plays_under_half_an_hour_apart_even_across_midnight()
    {
        var path = Write(_input.Combine("sessions", "Streaming_History_Audio_2024.json"),
            Play("2024-03-09T22:50:00Z", "A", "Night Owl", 600_000),    // 22:40–22:50 UTC (23:40 in Berlin)
            Play("2024-03-09T23:20:00Z", "B", "Night Owl", 1_200_000),  // 23:00–23:20, 10 min later: same session, past local midnight
            Play("2024-03-10T00:30:00Z", "C", "Early Bird", 240_000),   // 00:26–00:30, 66 min later: a new session
            Play("2024-03-10T00:40:00Z", "D", "Early Bird", 240_000),   // 00:36–00:40
            Play("2024-03-11T10:00:00Z", "E", "Day Tripper", 60_000));  // a session of its own
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);

        var panel = await db.Service<DashboardStats>().SessionsAsync(ListeningPeriod.AllTime, 5, TestContext.Current.CancellationToken);

        Assert.Equal(3, panel.Count);
        Assert.Equal((40 + 14 + 1) / 3.0, panel.AverageMinutes, 6);
        Assert.Equal([40.0, 14.0, 1.0], panel.Longest.Select(s => s.Minutes));
        Assert.Equal([2, 2, 1], panel.Longest.Select(s => s.Plays));
        Assert.Equal(["Night Owl"], panel.Longest[0].Artists.Select(a => a.Name));
        Assert.Equal(Unix("2024-03-09T22:40:00Z"), panel.Longest[0].StartUtc);
    }

    [Fact]
    public async Task Streaks_count_consecutive_local_days_and_the_current_one_reaches_yesterday()
    {
        var path = Write(_input.Combine("streaks", "Streaming_History_Audio_2024.json"),
            Play("2024-01-01T12:00:00Z", "a", "Band", 60_000),
            Play("2024-01-02T12:00:00Z", "b", "Band", 60_000),
            Play("2024-01-02T13:00:00Z", "c", "Band", 60_000),
            Play("2024-01-03T22:30:00Z", "d", "Band", 60_000),   // 23:30 in Berlin: still the 3rd
            Play("2024-01-05T12:00:00Z", "e", "Band", 60_000),
            Play("2024-01-06T23:30:00Z", "f", "Band", 60_000));  // 00:30 on the 7th in Berlin
        using var db = new ImportedDatabase(Berlin, now: new DateTimeOffset(2024, 1, 8, 9, 0, 0, TimeSpan.Zero));
        db.Import(path);
        var stats = db.Service<DashboardStats>();

        var all = await stats.StreaksAsync(ListeningPeriod.AllTime, TestContext.Current.CancellationToken);
        var later = await stats.StreaksAsync(new ListeningPeriod(new DateOnly(2024, 1, 4), new DateOnly(2024, 1, 8)), TestContext.Current.CancellationToken);

        Assert.Equal(new DayRun(3, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 3)), all.Longest);
        Assert.Equal(new DayRun(1, new DateOnly(2024, 1, 7), new DateOnly(2024, 1, 7)), all.Current);
        Assert.Equal(new DayRun(1, new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 5)), later.Longest);
    }

    [Fact]
    public async Task Milestones_name_the_thousandth_play_and_the_first_play_of_the_top_artist()
    {
        var plays = Enumerable.Range(0, 1001)
            .Select(i => Play(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i * 5).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                $"Song {i}", i < 10 ? "Opener" : "Headliner", i < 10 ? 60_000 : 200_000))
            .ToArray();
        var path = Write(_input.Combine("milestones", "Streaming_History_Audio_2024.json"), plays);
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);

        var panel = await db.Service<DashboardStats>().StreaksAsync(ListeningPeriod.AllTime, TestContext.Current.CancellationToken);

        Assert.Equal(["First play of your top artist", "1,000th play"], panel.Milestones.Select(m => m.Title));
        Assert.Equal(["Song 10 · Headliner", "Song 999 · Headliner"], panel.Milestones.Select(m => m.What));
    }

    [Fact]
    public async Task Discovery_counts_first_plays_per_month_and_finds_favourites_silent_for_a_year()
    {
        var old = Enumerable.Range(0, 6).Select(i => Play($"2022-01-{10 + i}T12:00:00Z", "Old Love", "Oldie", 200_000));
        var kept = Enumerable.Range(0, 6).Select(i => Play($"2022-02-{10 + i}T12:00:00Z", "Still Loved", "Evergreen", 200_000));
        var few = Enumerable.Range(0, 3).Select(i => Play($"2022-03-{10 + i}T12:00:00Z", "Few", "Rare", 200_000));
        var path = Write(_input.Combine("discovery", "Streaming_History_Audio_2022-2024.json"),
        [
            .. old, .. kept, .. few,
            Play("2024-01-05T12:00:00Z", "a1", "Newcomer", 100_000),
            Play("2024-01-06T12:00:00Z", "a2", "Newcomer", 100_000),
            Play("2024-01-07T12:00:00Z", "Still Loved", "Evergreen", 200_000),
            Play("2024-02-05T12:00:00Z", "b1", "Latecomer", 100_000),
            Play("2024-02-06T12:00:00Z", "a3", "Newcomer", 100_000),
        ]);
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);

        var panel = await db.Service<DashboardStats>().DiscoveryAsync(new ListeningPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 29)), 10, TestContext.Current.CancellationToken);

        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1)], panel.Months);
        Assert.Equal([1, 1], panel.NewArtists);
        Assert.Equal([2, 2], panel.NewTracks);
        var forgotten = Assert.Single(panel.Forgotten);
        Assert.Equal(("Old Love · Oldie", 6), (forgotten.Name, forgotten.Plays));
    }

    [Fact]
    public async Task An_artists_page_has_its_totals_months_top_tracks_and_weeks_on_repeat()
    {
        var path = Write(_input.Combine("artist", "Streaming_History_Audio_2024.json"),
            Play("2024-01-02T12:00:00Z", "Anthem", "Solo", 120_000),
            Play("2024-01-03T12:00:00Z", "Anthem", "Solo", 120_000),
            Play("2024-01-04T12:00:00Z", "Ballad", "Solo", 20_000),
            Play("2024-03-20T12:00:00Z", "Anthem", "Solo", 60_000),
            Play("2024-03-21T12:00:00Z", "Other", "Someone Else", 60_000));
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);
        var solo = db.Scalar("SELECT Id FROM Artists WHERE Name = 'Solo'");
        var stats = db.Service<DashboardStats>();

        var detail = await stats.DetailAsync(TopKind.Artists, (int)solo, TestContext.Current.CancellationToken);
        var missing = await stats.DetailAsync(TopKind.Artists, 999, TestContext.Current.CancellationToken);

        Assert.NotNull(detail);
        Assert.Equal(("Solo", 4L, 3L, 5.33), (detail.Name, detail.Plays, detail.Streams, detail.Minutes));
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)], detail.PerMonth.Starts);
        Assert.Equal([4.3, 0, 1], detail.PerMonth.Minutes);
        Assert.Equal(["Anthem · Solo", "Ballad · Solo"], detail.TopTracks.Select(t => t.Name));
        Assert.Equal(new RepeatWeek(new DateOnly(2024, 1, 1), 3, 4.3), Assert.Single(detail.OnRepeat));
        Assert.Null(missing);
    }

    [Fact]
    public async Task Genres_rank_by_their_artists_minutes_and_are_absent_until_any_artist_has_one()
    {
        var path = Write(_input.Combine("genres", "Streaming_History_Audio_2024.json"),
            Play("2024-01-01T10:00:00Z", "a", "Rocker", 600_000),
            Play("2024-01-01T11:00:00Z", "b", "Crooner", 300_000),
            Play("2024-01-01T12:00:00Z", "c", "Unlabelled", 900_000));
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);
        var stats = db.Service<DashboardStats>();
        var before = await stats.GenresAsync(ListeningPeriod.AllTime, 10, TestContext.Current.CancellationToken);

        db.Scalar("""
            INSERT INTO Genres (Id, Name) VALUES (1, 'rock'), (2, 'pop'), (3, 'jazz');
            INSERT INTO ArtistGenres (ArtistId, GenreId) SELECT Id, 1 FROM Artists WHERE Name = 'Rocker';
            INSERT INTO ArtistGenres (ArtistId, GenreId) SELECT Id, 2 FROM Artists WHERE Name = 'Rocker';
            INSERT INTO ArtistGenres (ArtistId, GenreId) SELECT Id, 3 FROM Artists WHERE Name = 'Crooner';
            INSERT INTO DataCounters (Name, Value) VALUES ('spotify-metadata', 1);
            SELECT 0;
            """);
        var after = await stats.GenresAsync(ListeningPeriod.AllTime, 10, TestContext.Current.CancellationToken);

        Assert.Null(before);
        Assert.NotNull(after);
        Assert.Equal([("pop", 10.0), ("rock", 10.0), ("jazz", 5.0)], after);
    }

    [Fact]
    public async Task Counting_by_streams_ranks_and_charts_plays_of_at_least_thirty_seconds()
    {
        var path = Write(_input.Combine("streams", "Streaming_History_Audio_2024.json"),
            Play("2024-01-01T10:00:00Z", "Long", "Marathon", 1_800_000),
            Play("2024-01-01T11:00:00Z", "s1", "Sprinter", 40_000),
            Play("2024-01-01T11:05:00Z", "s2", "Sprinter", 40_000),
            Play("2024-01-01T11:10:00Z", "s3", "Sprinter", 20_000));
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);
        var stats = db.Service<DashboardStats>();
        var day = new ListeningPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1));

        var byMinutes = await stats.TopAsync(TopKind.Artists, day, 0, 10, TestContext.Current.CancellationToken);
        var byStreams = await stats.TopAsync(TopKind.Artists, day, 0, 10, TestContext.Current.CancellationToken, Measure.Streams);
        var streamsOverTime = await stats.OverTimeAsync(day, TestContext.Current.CancellationToken, Measure.Streams);

        Assert.Equal(["Marathon", "Sprinter"], byMinutes.Select(a => a.Name));
        Assert.Equal(["Sprinter", "Marathon"], byStreams.Select(a => a.Name));
        Assert.Equal([3.0], streamsOverTime.Minutes);
        Assert.Equal(Measure.Streams, streamsOverTime.Measure);
    }

    [Fact]
    public async Task Artists_tied_in_both_periods_show_no_move()
    {
        var path = Write(_input.Combine("tied", "Streaming_History_Audio_2024.json"),
            Play("2024-01-01T10:00:00Z", "z1", "Zulu", 60_000),
            Play("2024-01-01T11:00:00Z", "a1", "Alpha", 60_000),
            Play("2024-01-08T10:00:00Z", "z2", "Zulu", 60_000),
            Play("2024-01-08T11:00:00Z", "a2", "Alpha", 60_000));
        using var db = new ImportedDatabase(Berlin);
        db.Import(path);
        var week = new ListeningPeriod(new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 14));

        var top = await db.Service<DashboardStats>().TopAsync(TopKind.Artists, week, 0, 10, TestContext.Current.CancellationToken);

        Assert.Equal(["Alpha", "Zulu"], top.Select(a => a.Name));
        Assert.All(top, a => Assert.Equal(a.PreviousRank, a.TiedRank));
    }

    [Fact]
    public void A_calendar_month_or_year_is_compared_with_the_one_before()
    {
        Assert.Equal(new ListeningPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31)),
            DashboardPeriods.Previous(new ListeningPeriod(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29))));
        Assert.Equal(new ListeningPeriod(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)),
            DashboardPeriods.Previous(new ListeningPeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31))));
        Assert.Equal(new ListeningPeriod(new DateOnly(1900, 1, 1), new DateOnly(2100, 12, 31)), DashboardPeriods.Parse("0001-01-01", "9999-12-31"));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }

    [Fact]
    public void Presets_are_the_listeners_recent_periods_then_each_earlier_year_with_plays_then_all_time()
    {
        var presets = DashboardPeriods.Presets(new DateOnly(2024, 6, 15), firstYear: 2022);

        Assert.Equal(["Last 7 days", "Last 4 weeks", "Last 6 months", "This year", "2023", "2022", "All time"], presets.Select(p => p.Label));
        Assert.Equal(new ListeningPeriod(new DateOnly(2024, 6, 9), new DateOnly(2024, 6, 15)), presets[0].Period);
        Assert.Equal(new ListeningPeriod(new DateOnly(2023, 12, 16), new DateOnly(2024, 6, 15)), presets[2].Period);
        Assert.Equal(new ListeningPeriod(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)), presets[4].Period);
        Assert.Equal(new ListeningPeriod(new DateOnly(2023, 12, 26), new DateOnly(2024, 1, 1)),
            DashboardPeriods.Previous(new ListeningPeriod(new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 8))));
    }
}
