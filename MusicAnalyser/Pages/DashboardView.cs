using System.Globalization;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages;

/// <summary>One link of the period picker.</summary>
public sealed record PresetLink(string Label, string Url, bool Current);

/// <summary>The period picker: presets, the custom range's current values, and what the period is called.</summary>
public sealed record PeriodView(string Title, IReadOnlyList<PresetLink> Presets, string? From, string? To, string? By,
    IReadOnlyList<PresetLink> Measures, string CsvUrl, string JsonUrl);

/// <summary>One overview figure with its change against the previous period ("+12%", "−3%", or none).</summary>
public sealed record FigureView(string Label, string Value, string? Change, bool Up);

public sealed record OverviewPanelView(string Url, IReadOnlyList<FigureView> Figures, string? FirstPlay, string? LastPlay, string? ComparedWith);

public sealed record OverTimeView(string Url, string Title, ChartSeries Series);

/// <summary>One line of a top list: rank, name, figures, and the move since the period before.</summary>
public sealed record RankedRow(int Rank, string Name, string Figures, string? Move, string MoveLabel, string? Link, string? Picture = null);

/// <summary>A top list panel: its element id, title, own URL, rows and paging links.</summary>
public sealed record TopView(string Id, string Title, string Url, IReadOnlyList<RankedRow> Rows, string? PreviousUrl, string? NextUrl)
{
    /// <summary>Pictures have a column once any row has one; a list without Spotify metadata stays plain text.</summary>
    public bool HasPictures => Rows.Any(r => r.Picture is not null);
}

/// <summary>One heatmap cell: its shade (0 to 1 of the busiest cell) and what it says on hover.</summary>
public sealed record HeatCell(double Level, string Label);

public sealed record HeatmapView(string Url, IReadOnlyList<string> Days, IReadOnlyList<IReadOnlyList<HeatCell>> Rows, string What);

/// <summary>One of the longest sessions: when it began, how long it lasted, how many plays, and its main artists.</summary>
/// <summary>A name with the page it opens (null: no page).</summary>
public sealed record NameLink(string Name, string? Link);

public sealed record SessionRow(string When, string Length, string Plays, IReadOnlyList<NameLink> Artists);

public sealed record SessionsView(string Url, string Count, string Average, string? Longest, IReadOnlyList<SessionRow> Rows);

public sealed record MilestoneRow(string Title, string When, NameLink What);

public sealed record StreaksView(string Url, string Longest, string? LongestDates, string Current, IReadOnlyList<MilestoneRow> Milestones);

public sealed record ForgottenRow(NameLink Track, string Figures, string LastPlayed);

public sealed record DiscoveryView(string Url, ChartGroups PerMonth, int NewArtists, int NewTracks, IReadOnlyList<ForgottenRow> Forgotten);

/// <summary>The genres panel: rows when genres are known, otherwise why there are none.</summary>
public sealed record GenresView(string Url, IReadOnlyList<RankedRow> Rows, string? Empty);

/// <summary>Everything the dashboard shows for one period.</summary>
public sealed record DashboardView(bool Empty, PeriodView Period, OverviewPanelView Overview, OverTimeView OverTime, HeatmapView Heatmap,
    SessionsView Sessions, StreaksView Streaks, GenresView Genres, DiscoveryView Discovery, IReadOnlyList<TopView> Tops);

/// <summary>Turns statistics into what the dashboard's partials show: words, numbers formatted, changes signed.</summary>
public static class DashboardViews
{
    public static string Describe(ListeningPeriod period) => period switch
    {
        { From: null, To: null } => "All time",
        { From: { } f, To: { } t } when f == t => Date(f),
        { From: { } f, To: { } t } => $"{Date(f)} – {Date(t)}",
        { From: { } f } => $"Since {Date(f)}",
        { To: { } t } => $"Until {Date(t)}",
    };

    public static OverviewPanelView Overview(string url, OverviewPanel panel, TimeZoneInfo zone)
    {
        var now = panel.Current;
        var before = panel.Previous;
        return new OverviewPanelView(url,
        [
            Figure("Music plays", now.Plays, before?.Plays),
            Figure("Hours listened", now.Minutes / 60, before?.Minutes / 60),
            Figure("Minutes", now.Minutes, before?.Minutes),
            Figure("Streams", now.Streams, before?.Streams),
            Figure("Tracks", now.Tracks, before?.Tracks),
            Figure("Artists", now.Artists, before?.Artists),
            Figure("Albums", now.Albums, before?.Albums),
            Figure("New artists", now.NewArtists, before?.NewArtists),
            new("Skip rate", now.SkipRate.ToString("P0", CultureInfo.InvariantCulture),
                before is null ? null : $"{(now.SkipRate - before.SkipRate) * 100:+0;−0;±0} pts", now.SkipRate >= (before?.SkipRate ?? 0)),
        ], Day(now.FirstPlayAt, zone), Day(now.LastPlayAt, zone), panel.PreviousPeriod is { } previous ? $"Compared with {Describe(previous)}" : null);
    }

    public static OverTimeView OverTime(string url, TimeSeries series)
    {
        var (step, format) = series.Step switch
        {
            TimeStep.Day => ("day", "d MMM"),
            TimeStep.Week => ("week", "d MMM yy"),
            _ => ("month", "MMM yyyy"),
        };
        var what = series.Measure == Measure.Streams ? "Streams" : "Minutes";
        return new OverTimeView(url, $"{what} per {step}", new ChartSeries(what,
            series.Starts.Select(d => d.ToString(format, CultureInfo.InvariantCulture)).ToList(), series.Minutes));
    }

    internal static string? Day(long? unixSeconds, TimeZoneInfo zone) => unixSeconds is { } at ? Date(at, zone) : null;

    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>Shades run from the quietest hour to the busiest, so a listener whose days are even still sees their shape.</summary>
    public static HeatmapView Heatmap(string url, double[,] minutes, Measure measure = Measure.Minutes)
    {
        var unit = measure == Measure.Streams ? "streams" : "min";
        var all = minutes.Cast<double>().ToList();
        var quietest = all.Min();
        var range = Math.Max(1, all.Max() - quietest);
        var rows = Enumerable.Range(0, 7).Select(d => (IReadOnlyList<HeatCell>)Enumerable.Range(0, 24)
            .Select(h => new HeatCell(Math.Round((minutes[d, h] - quietest) / range, 2), $"{DayNames[d]} {h:00}:00–{h + 1:00}:00: {minutes[d, h]:N0} {unit}"))
            .ToList()).ToList();
        return new HeatmapView(url, DayNames, rows, measure == Measure.Streams ? "Streams" : "Minutes");
    }

    public static SessionsView Sessions(string url, SessionsPanel panel, TimeZoneInfo zone) => new(url,
        panel.Count.ToString("N0", CultureInfo.InvariantCulture),
        Duration(panel.AverageMinutes),
        panel.Longest.Count == 0 ? null : Duration(panel.Longest[0].Minutes),
        panel.Longest.Select(s => new SessionRow(
            TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(s.StartUtc), zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture),
            Duration(s.Minutes),
            $"{s.Plays.ToString("N0", CultureInfo.InvariantCulture)} plays",
            s.Artists.Where(a => a.Name.Length > 0).Select(a => new NameLink(a.Name, Link(TopKind.Artists, a.Id))).ToList())).ToList());

    public static DiscoveryView Discovery(string url, DiscoveryPanel panel, TimeZoneInfo zone) => new(url,
        new ChartGroups(panel.Months.Select(m => m.ToString("MMM yyyy", CultureInfo.InvariantCulture)).ToList(),
        [
            new ChartDataset("New artists", panel.NewArtists.Select(n => (double)n).ToList()),
            new ChartDataset("New tracks", panel.NewTracks.Select(n => (double)n).ToList()),
        ]),
        panel.NewArtists.Sum(), panel.NewTracks.Sum(),
        panel.Forgotten.Select(f => new ForgottenRow(new NameLink(f.Name, Link(TopKind.Tracks, f.TrackId)),
            $"{f.Plays.ToString("N0", CultureInfo.InvariantCulture)} plays · {f.Minutes.ToString("N0", CultureInfo.InvariantCulture)} min",
            Date(f.LastPlayUtc, zone))).ToList());

    public static GenresView Genres(string url, IReadOnlyList<(string Genre, double Minutes)>? genres) => genres switch
    {
        null => new GenresView(url, [], "Genres come from Spotify's data about artists, which exports do not include. Once Spotify is connected (Settings), they are filled in in the background, most played artists first."),
        [] => new GenresView(url, [], "None of the artists played in this period has a genre yet."),
        _ => new GenresView(url, genres.Select((g, i) => new RankedRow(i + 1, g.Genre, $"{g.Minutes.ToString("N0", CultureInfo.InvariantCulture)} min", null, "", null)).ToList(), null),
    };

    public static StreaksView Streaks(string url, StreaksPanel panel, TimeZoneInfo zone) => new(url,
        panel.Longest is { } longest ? Days(longest.Days) : "none",
        panel.Longest is { Days: > 1 } run ? $"{Date(run.First)} – {Date(run.Last)}" : panel.Longest is { } one ? Date(one.First) : null,
        panel.Current is { } current ? $"{Days(current.Days)}, since {Date(current.First)}" : "none right now",
        panel.Milestones.Select(m => new MilestoneRow(m.Title,
            Date(m.EndedAtUtc, zone), new NameLink(m.What, Link(TopKind.Tracks, m.TrackId)))).ToList());

    private static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString("N0", CultureInfo.InvariantCulture)} days";

    /// <summary>A day as every page writes it: "3 Mar 2024".</summary>
    internal static string Date(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The day of a UTC instant in the listener's zone, written as <see cref="Date(DateOnly)"/>.</summary>
    internal static string Date(long unixSeconds, TimeZoneInfo zone) =>
        Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), zone).DateTime));

    /// <summary>"2 h 05 min" or "47 min".</summary>
    public static string Duration(double minutes)
    {
        var whole = (int)Math.Round(minutes);
        return whole >= 60 ? $"{whole / 60} h {whole % 60:00} min" : $"{whole} min";
    }

    public static string Title(TopKind kind) => kind switch
    {
        TopKind.Artists => "Top artists",
        TopKind.Tracks => "Top tracks",
        _ => "Top albums",
    };

    /// <summary>Where an artist's or a track's own page is; albums have none yet.</summary>
    public static string? Link(TopKind kind, int id) => kind switch
    {
        TopKind.Artists => $"/Artist/{id}",
        TopKind.Tracks => $"/Track/{id}",
        _ => null,
    };

    public static RankedRow Row(RankedItem item, bool compared, TopKind kind, Measure measure = Measure.Minutes) => new(
        item.Rank,
        string.IsNullOrWhiteSpace(item.Name) ? "(unknown artist)" : item.Name,
        measure == Measure.Streams
            ? $"{item.Streams.ToString("N0", CultureInfo.InvariantCulture)} streams · {item.Minutes.ToString("N0", CultureInfo.InvariantCulture)} min"
            : $"{item.Minutes.ToString("N0", CultureInfo.InvariantCulture)} min · {item.Streams.ToString("N0", CultureInfo.InvariantCulture)} streams",
        !compared ? null : item.PreviousRank is not { } before ? "new" : before == item.TiedRank ? "=" : before > item.TiedRank ? $"▲{before - item.TiedRank}" : $"▼{item.TiedRank - before}",
        !compared ? "" : item.PreviousRank is not { } was ? "not in the period before" : $"was {was}",
        Link(kind, item.Id),
        item.Picture);

    private static FigureView Figure(string label, double now, double? before) => new(label,
        now.ToString("N0", CultureInfo.InvariantCulture),
        before is not { } b ? null : b == 0 ? (now == 0 ? "±0%" : "new") : $"{(now - b) / b:+0%;−0%;±0%}",
        now >= (before ?? 0));
}

/// <summary>One Chart.js series, serialised into the chart island's JSON.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<string> Labels, IReadOnlyList<double> Values);

/// <summary>Several series over the same labels (a grouped bar chart).</summary>
public sealed record ChartGroups(IReadOnlyList<string> Labels, IReadOnlyList<ChartDataset> Datasets);

public sealed record ChartDataset(string Label, IReadOnlyList<double> Values);

/// <summary>An artist's or a track's page.</summary>
public sealed record ItemView(string Kind, string Name, IReadOnlyList<FigureView> Figures, string FirstPlay, string LastPlay,
    ChartSeries PerMonth, IReadOnlyList<RankedRow> TopTracks, IReadOnlyList<string> OnRepeat, string? Picture)
{
    public string PictureText => Kind == "Artist" ? $"Photo of {Name}" : $"Cover of {Name}";

    public static ItemView From(ItemDetail detail, TimeZoneInfo zone)
    {
        return new ItemView(detail.Kind == TopKind.Artists ? "Artist" : "Track", detail.Name,
        [
            new("Plays", detail.Plays.ToString("N0", CultureInfo.InvariantCulture), null, true),
            new("Streams", detail.Streams.ToString("N0", CultureInfo.InvariantCulture), null, true),
            new("Minutes", detail.Minutes.ToString("N0", CultureInfo.InvariantCulture), null, true),
        ],
        DashboardViews.Day(detail.FirstPlayUtc, zone) ?? "", DashboardViews.Day(detail.LastPlayUtc, zone) ?? "",
        new ChartSeries("Minutes", detail.PerMonth.Starts.Select(m => m.ToString("MMM yyyy", CultureInfo.InvariantCulture)).ToList(), detail.PerMonth.Minutes),
        detail.TopTracks.Select(t => DashboardViews.Row(t, compared: false, TopKind.Tracks)).ToList(),
        detail.OnRepeat.Select(w => $"Week of {DashboardViews.Date(w.Monday)}: {w.Plays.ToString("N0", CultureInfo.InvariantCulture)} plays, {w.Minutes.ToString("N0", CultureInfo.InvariantCulture)} min").ToList(),
        detail.Picture);
    }
}
