using Microsoft.Extensions.Options;

namespace MusicAnalyser.Features.Listening;

/// <summary>The overview panel: a period's figures and, where there is one, the same-length period before.</summary>
public sealed record OverviewPanel(ListeningPeriod Period, PeriodFigures Current, ListeningPeriod? PreviousPeriod, PeriodFigures? Previous);

public enum TimeStep { Day, Week, Month }

/// <summary>What the charts and lists count: minutes actually played, or streams (plays of at least the stream threshold).</summary>
public enum Measure { Minutes, Streams }

/// <summary>Minutes (or streams) per day, week or month across a period.</summary>
public sealed record TimeSeries(TimeStep Step, IReadOnlyList<DateOnly> Starts, IReadOnlyList<double> Minutes, Measure Measure = Measure.Minutes);

/// <summary>What a top list ranks.</summary>
public enum TopKind { Artists, Tracks, Albums }

/// <summary>
/// An item's place in a period: minutes, streams, and where it stood in the period before (null: not there).
/// <see cref="TiedRank"/> and <see cref="PreviousRank"/> share places between equal figures, so that a move is
/// only shown where the figures really differ (the displayed <see cref="Rank"/> orders ties by name).
/// </summary>
public sealed record RankedItem(int Rank, int Id, string Name, double Minutes, long Streams, int? PreviousRank, int TiedRank = 0)
{
    /// <summary>Spotify's picture of the item (an artist's photo, a track's or album's cover), once known.</summary>
    public string? Picture { get; init; }
}

/// <summary>The dashboard's statistics for a period, computed from the current <see cref="ListeningSnapshot"/>.</summary>
public sealed class DashboardStats(ListeningData data, PanelCache cache, IOptions<ListeningOptions> options, TimeProvider time)
{
    private readonly int _streamMs = options.Value.StreamSeconds * 1000;
    private readonly long _sessionGapSeconds = options.Value.SessionGapMinutes * 60L;

    /// <summary>The listener's time zone, in which every day of every period is counted.</summary>
    public TimeZoneInfo Zone => data.Zone;

    /// <summary>
    /// What every fragment's content depends on besides its URL: the data's version (one small query, no
    /// statistics), the settings, and today (presets and the current streak move at midnight).
    /// </summary>
    public string Version()
    {
        var today = LocalDays.Today(time, data.Zone);
        return $"{data.Version()}.{today.DayNumber}.{_streamMs}.{_sessionGapSeconds}.{data.Zone.Id}";
    }

    /// <summary>The period picker's presets (empty when nothing is imported yet).</summary>
    public async Task<List<PeriodPreset>> PresetsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        if (snapshot.Count == 0)
        {
            return [];
        }
        var today = LocalDays.Today(time, snapshot.Zone);
        return DashboardPeriods.Presets(today, LocalDays.ToDate(snapshot.LocalDay[0]).Year);
    }

    public async Task<OverviewPanel> OverviewAsync(ListeningPeriod period, CancellationToken cancellationToken)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        return cache.GetOrAdd(snapshot.Version, "overview", period, 0, () =>
        {
            var previous = DashboardPeriods.Previous(period);
            return new OverviewPanel(period, Figures(snapshot, period), previous, previous is null ? null : Figures(snapshot, previous));
        });
    }

    public async Task<TimeSeries> OverTimeAsync(ListeningPeriod period, CancellationToken cancellationToken, Measure measure = Measure.Minutes)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        return cache.GetOrAdd(snapshot.Version, $"over-time-{measure}", period, 0, () => OverTime(snapshot, period, measure));
    }

    /// <summary>What one play adds to a figure counted by <paramref name="measure"/>.</summary>
    private long Amount(int msPlayed, Measure measure) => measure == Measure.Streams ? (msPlayed >= _streamMs ? 1 : 0) : msPlayed;

    private static double Figure(long amount, Measure measure) => measure == Measure.Streams ? amount : Math.Round(amount / 60000.0, 1);

    private TimeSeries OverTime(ListeningSnapshot snapshot, ListeningPeriod period, Measure measure)
    {
        var (start, end) = Range(snapshot, period);
        if (start == end)
        {
            return new TimeSeries(TimeStep.Day, [], [], measure);
        }
        var (firstDay, lastDay) = Bounds(snapshot, period, start, end);
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        var step = days <= 62 ? TimeStep.Day : days <= 400 ? TimeStep.Week : TimeStep.Month;

        // Each day of the period mapped to its bar once, so the pass over the plays is a lookup per play.
        var starts = new List<DateOnly>();
        var barOfDay = new int[days];
        for (var d = 0; d < days; d++)
        {
            var day = firstDay.AddDays(d);
            var barStart = step switch
            {
                TimeStep.Day => day,
                TimeStep.Week => LocalDays.MondayOf(day),
                _ => new DateOnly(day.Year, day.Month, 1),
            };
            if (starts.Count == 0 || starts[^1] != barStart)
            {
                starts.Add(barStart);
            }
            barOfDay[d] = starts.Count - 1;
        }
        var ms = new long[starts.Count];
        var offset = LocalDays.FromDate(firstDay);
        for (var i = start; i < end; i++)
        {
            var d = snapshot.LocalDay[i] - offset;
            if ((uint)d < (uint)days)
            {
                ms[barOfDay[d]] += Amount(snapshot.MsPlayed[i], measure);
            }
        }
        return new TimeSeries(step, starts, ms.Select(m => Figure(m, measure)).ToList(), measure);
    }

    /// <summary>The period's sessions: how many, how long on average, and the longest few with their main artists.</summary>
    public async Task<SessionsPanel> SessionsAsync(ListeningPeriod period, int longest, CancellationToken cancellationToken)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        return cache.GetOrAdd(snapshot.Version, $"sessions-{longest}", period, 0, () =>
        {
            var (start, end) = Range(snapshot, period);
            var (count, totalSeconds, found) = SessionFinder.Find(snapshot, start, end, _sessionGapSeconds, longest);
            // The artists most played in each session, by minutes, named in one query for all of them.
            var artistsBySession = found.Select(s => Enumerable.Range(s.First, s.Last - s.First + 1)
                .GroupBy(i => snapshot.ArtistOfTrack[snapshot.Track[i]])
                .OrderByDescending(g => g.Sum(i => (long)snapshot.MsPlayed[i])).ThenBy(g => g.Key)
                .Take(3).Select(g => g.Key).ToList()).ToList();
            var names = data.Names(TopKind.Artists, artistsBySession.SelectMany(a => a).Distinct());
            var sessions = found.Select((s, k) => new Session(s.Start, s.End, s.Last - s.First + 1,
                artistsBySession[k].Select(a => (a, names.GetValueOrDefault(a, ""))).ToList())).ToList();
            return new SessionsPanel(count, count == 0 ? 0 : totalSeconds / 60.0 / count, sessions);
        });
    }

    /// <summary>New artists and tracks per month of the period, and the favourites silent for a year before its end.</summary>
    public async Task<DiscoveryPanel> DiscoveryAsync(ListeningPeriod period, int forgotten, CancellationToken cancellationToken)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        return cache.GetOrAdd(snapshot.Version, $"discovery-{forgotten}", period, 0, () =>
        {
            var (start, end) = Range(snapshot, period);
            if (start == end)
            {
                return new DiscoveryPanel([], [], [], []);
            }
            var (from, to) = period.ToUnixRange(snapshot.Zone);
            var (firstDay, lastDay) = Bounds(snapshot, period, start, end);
            var (months, artists, tracks) = DiscoveryFinder.PerMonth(snapshot, from, to,
                new DateOnly(firstDay.Year, firstDay.Month, 1), new DateOnly(lastDay.Year, lastDay.Month, 1));
            // "A year silent" is measured from the period's last play, so an old export still has a present.
            var quiet = DiscoveryFinder.Forgotten(snapshot, snapshot.EndedAt[end - 1], forgotten, _streamMs);
            var names = data.Names(TopKind.Tracks, quiet.Select(q => q.Track));
            return new DiscoveryPanel(months, artists, tracks,
                quiet.Select(q => new ForgottenFavourite(q.Track, names.GetValueOrDefault(q.Track, ""), q.Plays, Math.Round(q.Ms / 60000.0, 1), q.LastPlay)).ToList());
        });
    }

    /// <summary>An artist's or a track's page; null when there is no such artist or track with music plays.</summary>
    public async Task<ItemDetail?> DetailAsync(TopKind kind, int id, CancellationToken cancellationToken)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        var firstPlays = kind == TopKind.Artists ? snapshot.ArtistFirstPlay : snapshot.TrackFirstPlay;
        if ((uint)id >= (uint)firstPlays.Length || firstPlays[id] == long.MaxValue)
        {
            return null;
        }
        return cache.GetOrAdd(snapshot.Version, $"detail-{kind}-{id}", ListeningPeriod.AllTime, 0, () =>
        {
            var scan = ItemDetailFinder.Scan(snapshot, kind, id, _streamMs);
            if (scan.Plays == 0 || data.Names(kind, [id]).GetValueOrDefault(id) is not { } name)
            {
                return new ItemDetail(kind, id, "", 0, 0, 0, null, null, new TimeSeries(TimeStep.Month, [], []), [], []);
            }
            var firstMonth = scan.MonthMs.Keys.Min();
            var lastMonth = scan.MonthMs.Keys.Max();
            var months = new List<DateOnly>();
            for (var m = firstMonth; m <= lastMonth; m = m.AddMonths(1))
            {
                months.Add(m);
            }
            var perMonth = new TimeSeries(TimeStep.Month, months, months.Select(m => Math.Round(scan.MonthMs.GetValueOrDefault(m) / 60000.0, 1)).ToList());
            var topTracks = new List<RankedItem>();
            if (kind == TopKind.Artists)
            {
                var ranked = scan.Tracks.OrderByDescending(t => t.Value.Ms).ThenBy(t => t.Key).Take(10).ToList();
                var names = data.Names(TopKind.Tracks, ranked.Select(t => t.Key));
                var covers = data.Pictures(TopKind.Tracks, ranked.Select(t => t.Key));
                topTracks = ranked.Select((t, i) => new RankedItem(i + 1, t.Key, names.GetValueOrDefault(t.Key, ""), Math.Round(t.Value.Ms / 60000.0, 2), t.Value.Streams, null)
                    { Picture = covers.GetValueOrDefault(t.Key) }).ToList();
            }
            // On repeat: the weeks with the most plays, from two plays up.
            var onRepeat = scan.Weeks.Where(w => w.Value.Plays >= 2)
                .OrderByDescending(w => w.Value.Plays).ThenByDescending(w => w.Value.Ms).ThenBy(w => w.Key)
                .Take(5).Select(w => new RepeatWeek(w.Key, w.Value.Plays, Math.Round(w.Value.Ms / 60000.0, 1))).ToList();
            return new ItemDetail(kind, id, name, scan.Plays, scan.Streams, Math.Round(scan.Ms / 60000.0, 2), scan.First, scan.Last, perMonth, topTracks, onRepeat)
                { Picture = data.Pictures(kind, [id]).GetValueOrDefault(id) };
        }) is { Plays: > 0 } detail ? detail : null;
    }

    /// <summary>Streaks in the period, the current one, and the milestones reached: the 1,000th, 10,000th ... play and the first play of the period's top artist.</summary>
    public async Task<StreaksPanel> StreaksAsync(ListeningPeriod period, CancellationToken cancellationToken)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        var today = LocalDays.Today(time, snapshot.Zone);
        return cache.GetOrAdd(snapshot.Version, $"streaks-{today.DayNumber}", period, 0, () =>
        {
            var (start, end) = Range(snapshot, period);
            var marks = new List<(string Title, int Index)>();
            for (var n = 1_000; n <= snapshot.Count; n *= 10)
            {
                marks.Add(($"{n:N0}th play", n - 1));
            }
            var top = TopArtist(snapshot, start, end);
            if (top is { } artist && FirstPlayIndex(snapshot, artist) is { } first)
            {
                marks.Add(("First play of your top artist", first));
            }
            var names = data.Names(TopKind.Tracks, marks.Select(m => snapshot.Track[m.Index]).Distinct());
            var milestones = marks.OrderBy(m => m.Index)
                .Select(m => new Milestone(m.Title, snapshot.EndedAt[m.Index], snapshot.Track[m.Index], names.GetValueOrDefault(snapshot.Track[m.Index], ""))).ToList();
            return new StreaksPanel(StreakFinder.Longest(snapshot, start, end), StreakFinder.Current(snapshot, today), milestones);
        });
    }

    private static int? TopArtist(ListeningSnapshot snapshot, int start, int end)
    {
        var ms = new long[snapshot.ArtistCount];
        for (var i = start; i < end; i++)
        {
            ms[snapshot.ArtistOfTrack[snapshot.Track[i]]] += snapshot.MsPlayed[i];
        }
        var best = -1;
        for (var a = 0; a < ms.Length; a++)
        {
            if (ms[a] > 0 && (best < 0 || ms[a] > ms[best]))
            {
                best = a;
            }
        }
        return best < 0 ? null : best;
    }

    private static int? FirstPlayIndex(ListeningSnapshot snapshot, int artist)
    {
        var (from, _) = snapshot.Range(snapshot.ArtistFirstPlay[artist], long.MaxValue);
        for (var i = from; i < snapshot.Count; i++)
        {
            if (snapshot.ArtistOfTrack[snapshot.Track[i]] == artist)
            {
                return i;
            }
        }
        return null;
    }

    /// <summary>
    /// Genres by the minutes of their artists (an artist with three genres counts toward each); null when no
    /// artist has a genre yet (they come from Spotify's artist data, not from exports).
    /// </summary>
    public async Task<IReadOnlyList<(string Genre, double Minutes)>?> GenresAsync(ListeningPeriod period, int count, CancellationToken cancellationToken)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        if (snapshot.GenreIds.Length == 0)
        {
            return null;
        }
        return cache.GetOrAdd(snapshot.Version, $"genres-{count}", period, 0, () =>
        {
            var (ms, _) = PerItem(snapshot, TopKind.Artists, period);
            var perGenre = new long[snapshot.GenreNames.Length];
            for (var artist = 0; artist < ms.Length; artist++)
            {
                for (var g = snapshot.GenreStart[artist]; g < snapshot.GenreStart[artist + 1]; g++)
                {
                    perGenre[snapshot.GenreIds[g]] += ms[artist];
                }
            }
            return (IReadOnlyList<(string, double)>)Enumerable.Range(0, perGenre.Length).Where(g => perGenre[g] > 0)
                .OrderByDescending(g => perGenre[g]).ThenBy(g => snapshot.GenreNames[g], StringComparer.Ordinal)
                .Take(count).Select(g => (snapshot.GenreNames[g], Math.Round(perGenre[g] / 60000.0, 1))).ToList();
        });
    }

    /// <summary>Minutes per weekday (Monday first) and hour of the listener's day.</summary>
    public async Task<double[,]> HeatmapAsync(ListeningPeriod period, CancellationToken cancellationToken, Measure measure = Measure.Minutes)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        return cache.GetOrAdd(snapshot.Version, $"heatmap-{measure}", period, 0, () =>
        {
            var (start, end) = Range(snapshot, period);
            var ms = new long[7, 24];
            for (var i = start; i < end; i++)
            {
                // Day 0 (1 January 1970) was a Thursday: +3 makes Monday 0.
                ms[(snapshot.LocalDay[i] % 7 + 7 + 3) % 7, snapshot.LocalHour[i]] += Amount(snapshot.MsPlayed[i], measure);
            }
            var minutes = new double[7, 24];
            for (var d = 0; d < 7; d++)
            {
                for (var h = 0; h < 24; h++)
                {
                    minutes[d, h] = measure == Measure.Streams ? ms[d, h] : ms[d, h] / 60000.0;
                }
            }
            return minutes;
        });
    }

    /// <summary>The top <paramref name="count"/> artists, tracks or albums by minutes or streams (ties by name), from <paramref name="skip"/> on.</summary>
    public async Task<List<RankedItem>> TopAsync(TopKind kind, ListeningPeriod period, int skip, int count, CancellationToken cancellationToken, Measure measure = Measure.Minutes)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        return cache.GetOrAdd(snapshot.Version, $"top-{kind}-{count}-{measure}", period, skip, () =>
        {
            var (ms, streams) = PerItem(snapshot, kind, period);
            var by = measure == Measure.Streams ? streams : ms;
            var ranked = Rank(by, count: skip + count, data.Names(kind, by, skip + count));
            var previousRanks = DashboardPeriods.Previous(period) is { } previous
                ? RanksById(measure == Measure.Streams ? PerItem(snapshot, kind, previous).Streams : PerItem(snapshot, kind, previous).Ms)
                : null;
            var tiedRanks = RanksById(by);
            var page = ranked.Skip(skip).ToList();
            var pictures = data.Pictures(kind, page.Select(a => a.Id));
            return page.Select((a, i) => new RankedItem(skip + i + 1, a.Id, a.Name, Math.Round(ms[a.Id] / 60000.0, 2), streams[a.Id],
                previousRanks is not null && previousRanks.TryGetValue(a.Id, out var before) ? before : null, tiedRanks[a.Id]) { Picture = pictures.GetValueOrDefault(a.Id) }).ToList();
        });
    }

    /// <summary>Minutes (as ms) and streams per artist, track or album id over the period.</summary>
    private (long[] Ms, long[] Streams) PerItem(ListeningSnapshot snapshot, TopKind kind, ListeningPeriod period)
    {
        var (start, end) = Range(snapshot, period);
        var size = kind switch { TopKind.Artists => snapshot.ArtistCount, TopKind.Albums => snapshot.AlbumCount, _ => snapshot.ArtistOfTrack.Length };
        var ms = new long[size];
        var streams = new long[size];
        for (var i = start; i < end; i++)
        {
            var track = snapshot.Track[i];
            var id = kind switch { TopKind.Artists => snapshot.ArtistOfTrack[track], TopKind.Albums => snapshot.AlbumOfTrack[track], _ => track };
            ms[id] += snapshot.MsPlayed[i];
            if (snapshot.MsPlayed[i] >= _streamMs)
            {
                streams[id]++;
            }
        }
        if (kind == TopKind.Albums)
        {
            ms[0] = streams[0] = 0; // tracks with no known album
        }
        return (ms, streams);
    }

    /// <summary>The first <paramref name="count"/> items by minutes then name; <paramref name="names"/> holds at least those.</summary>
    private static List<(int Id, string Name)> Rank(long[] ms, int count, IReadOnlyDictionary<int, string> names) =>
        names.Where(n => ms[n.Key] > 0)
            .OrderByDescending(n => ms[n.Key]).ThenBy(n => n.Value, StringComparer.Ordinal)
            .Take(count)
            .Select(n => (n.Key, n.Value))
            .ToList();

    /// <summary>Every item's rank by minutes (ties share the better rank: names are not needed to compare periods).</summary>
    private static Dictionary<int, int> RanksById(long[] ms)
    {
        var order = Enumerable.Range(0, ms.Length).Where(a => ms[a] > 0).OrderByDescending(a => ms[a]).ToList();
        var ranks = new Dictionary<int, int>(order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            ranks[order[i]] = i > 0 && ms[order[i]] == ms[order[i - 1]] ? ranks[order[i - 1]] : i + 1;
        }
        return ranks;
    }

    /// <summary>The period's days, cut to the days with plays at either end where the period reaches past them.</summary>
    private static (DateOnly First, DateOnly Last) Bounds(ListeningSnapshot snapshot, ListeningPeriod period, int start, int end)
    {
        var firstPlayed = LocalDays.ToDate(snapshot.LocalDay[start]);
        var lastPlayed = LocalDays.ToDate(snapshot.LocalDay[end - 1]);
        return (period.From is { } from && from > firstPlayed.AddYears(-1) ? from : firstPlayed,
                period.To is { } to && to < lastPlayed.AddYears(1) ? to : lastPlayed);
    }

    private PeriodFigures Figures(ListeningSnapshot snapshot, ListeningPeriod period)
    {
        var (from, to) = period.ToUnixRange(snapshot.Zone);
        return PeriodFigures.Of(snapshot, from, to, _streamMs);
    }

    private static (int Start, int End) Range(ListeningSnapshot snapshot, ListeningPeriod period)
    {
        var (from, to) = period.ToUnixRange(snapshot.Zone);
        return snapshot.Range(from, to);
    }
}
