using Microsoft.AspNetCore.Mvc;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages;

/// <summary>The dashboard's query (?from, ?to, ?by) as the statistics read it and as links carry it on.</summary>
public sealed record DashboardQuery(string? From, string? To, string? By)
{
    public ListeningPeriod Period => DashboardPeriods.Parse(From, To);

    public Measure Measure => string.Equals(By, "streams", StringComparison.OrdinalIgnoreCase) ? Measure.Streams : Measure.Minutes;

    public string? ByParameter => Measure == Measure.Streams ? "streams" : null;
}

/// <summary>Builds each panel's view for one query: the statistic, its words and numbers, and the links it carries.</summary>
public sealed class DashboardPanels(DashboardStats stats, IUrlHelper url, DashboardQuery query)
{
    public const int TopCount = 10;
    private const int LongestSessions = 5;
    private const int ForgottenCount = 10;

    private ListeningPeriod Period => query.Period;

    public async Task<DashboardView> AllAsync(CancellationToken cancellationToken)
    {
        var presets = await stats.PresetsAsync(cancellationToken);
        return new DashboardView(presets.Count == 0, PeriodView(presets),
            await OverviewAsync(cancellationToken), await OverTimeAsync(cancellationToken), await HeatmapAsync(cancellationToken),
            await SessionsAsync(cancellationToken), await StreaksAsync(cancellationToken), await GenresAsync(cancellationToken),
            await DiscoveryAsync(cancellationToken),
            [await TopAsync(TopKind.Artists, 0, cancellationToken), await TopAsync(TopKind.Tracks, 0, cancellationToken), await TopAsync(TopKind.Albums, 0, cancellationToken)]);
    }

    public async Task<OverviewPanelView> OverviewAsync(CancellationToken cancellationToken) =>
        DashboardViews.Overview(Fragment("Overview"), await stats.OverviewAsync(Period, cancellationToken), stats.Zone);

    public async Task<OverTimeView> OverTimeAsync(CancellationToken cancellationToken) =>
        DashboardViews.OverTime(Fragment("OverTime"), await stats.OverTimeAsync(Period, cancellationToken, query.Measure));

    public async Task<HeatmapView> HeatmapAsync(CancellationToken cancellationToken) =>
        DashboardViews.Heatmap(Fragment("Heatmap"), await stats.HeatmapAsync(Period, cancellationToken, query.Measure), query.Measure);

    public async Task<SessionsView> SessionsAsync(CancellationToken cancellationToken) =>
        DashboardViews.Sessions(Fragment("Sessions"), await stats.SessionsAsync(Period, LongestSessions, cancellationToken), stats.Zone);

    public async Task<StreaksView> StreaksAsync(CancellationToken cancellationToken) =>
        DashboardViews.Streaks(Fragment("Streaks"), await stats.StreaksAsync(Period, cancellationToken), stats.Zone);

    public async Task<GenresView> GenresAsync(CancellationToken cancellationToken) =>
        DashboardViews.Genres(Fragment("Genres"), await stats.GenresAsync(Period, TopCount, cancellationToken));

    public async Task<DiscoveryView> DiscoveryAsync(CancellationToken cancellationToken) =>
        DashboardViews.Discovery(Fragment("Discovery"), await stats.DiscoveryAsync(Period, ForgottenCount, cancellationToken), stats.Zone);

    public async Task<TopView> TopAsync(TopKind kind, int skip, CancellationToken cancellationToken)
    {
        var items = await stats.TopAsync(kind, Period, skip, TopCount + 1, cancellationToken, query.Measure);
        var compared = DashboardPeriods.Previous(Period) is not null;
        string Page(int from) => url.Page("/Index", "Top", new { from = query.From, to = query.To, by = query.ByParameter, kind, skip = from })!;
        return new TopView($"top-{kind.ToString().ToLowerInvariant()}", DashboardViews.Title(kind), Page(skip),
            items.Take(TopCount).Select(a => DashboardViews.Row(a, compared, kind, query.Measure)).ToList(),
            skip > 0 ? Page(Math.Max(0, skip - TopCount)) : null,
            items.Count > TopCount ? Page(skip + TopCount) : null);
    }

    private string Fragment(string handler) => url.Page("/Index", handler, new { from = query.From, to = query.To, by = query.ByParameter })!;

    private PeriodView PeriodView(List<PeriodPreset> presets)
    {
        var current = Period;
        var (from, to) = (Text(current.From), Text(current.To));
        return new PeriodView(DashboardViews.Describe(current),
            presets.Select(p => new PresetLink(p.Label, url.Page("/Index", new { from = Text(p.Period.From), to = Text(p.Period.To), by = query.ByParameter })!, p.Period == current)).ToList(),
            from, to, query.ByParameter,
            [
                new PresetLink("Minutes", url.Page("/Index", new { from, to })!, query.Measure == Measure.Minutes),
                new PresetLink("Streams", url.Page("/Index", new { from, to, by = "streams" })!, query.Measure == Measure.Streams),
            ],
            url.Page("/Export/Index", new { from, to, format = "csv" })!,
            url.Page("/Export/Index", new { from, to, format = "json" })!);
    }

    private static string? Text(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
