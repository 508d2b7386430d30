using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages;

/// <summary>
/// The dashboard. The page renders whole on a direct load; a period change swaps #dashboard; each panel is
/// also a fragment of its own (handler Overview, OverTime, Heatmap, Sessions, Streaks, Genres, Discovery, Top) answering 304 while the data is unchanged.
/// </summary>
public sealed class IndexModel(DashboardStats stats) : PageModel
{
    private const int TopCount = 10;
    private const int MaxSkip = 10_000;
    private const int LongestSessions = 5;
    private const int ForgottenCount = 10;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    /// <summary>"streams" counts streams in the charts and lists; anything else counts minutes.</summary>
    [BindProperty(SupportsGet = true)] public string? By { get; set; }

    public DashboardView View { get; private set; } = null!;

    private ListeningPeriod Period => DashboardPeriods.Parse(From, To);

    private Measure Measure => string.Equals(By, "streams", StringComparison.OrdinalIgnoreCase) ? Measure.Streams : Measure.Minutes;

    private string? ByParameter => Measure == Measure.Streams ? "streams" : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var presets = await stats.PresetsAsync(cancellationToken);
        View = new DashboardView(presets.Count == 0, PeriodView(presets),
            DashboardViews.Overview(FragmentUrl("Overview"), await stats.OverviewAsync(Period, cancellationToken), stats.Zone),
            DashboardViews.OverTime(FragmentUrl("OverTime"), await stats.OverTimeAsync(Period, cancellationToken, Measure)),
            DashboardViews.Heatmap(FragmentUrl("Heatmap"), await stats.HeatmapAsync(Period, cancellationToken, Measure), Measure),
            DashboardViews.Sessions(FragmentUrl("Sessions"), await stats.SessionsAsync(Period, LongestSessions, cancellationToken), stats.Zone),
            DashboardViews.Streaks(FragmentUrl("Streaks"), await stats.StreaksAsync(Period, cancellationToken), stats.Zone),
            DashboardViews.Genres(FragmentUrl("Genres"), await stats.GenresAsync(Period, TopCount, cancellationToken)),
            DashboardViews.Discovery(FragmentUrl("Discovery"), await stats.DiscoveryAsync(Period, ForgottenCount, cancellationToken), stats.Zone),
            [await Top(TopKind.Artists, 0, cancellationToken), await Top(TopKind.Tracks, 0, cancellationToken), await Top(TopKind.Albums, 0, cancellationToken)]);
        // A period change swaps #dashboard; htmx restoring history it no longer holds asks for the whole page.
        Response.Headers.Vary = "HX-Request";
        return Request.IsHtmx(out var htmx) && htmx is { HistoryRestoreRequest: false } ? Partial("_Dashboard", View) : Page();
    }

    public async Task<IActionResult> OnGetOverviewAsync(CancellationToken cancellationToken) =>
        Unchanged() ? StatusCode(StatusCodes.Status304NotModified) : Partial("_OverviewPanel", DashboardViews.Overview(FragmentUrl("Overview"), await stats.OverviewAsync(Period, cancellationToken), stats.Zone));

    public async Task<IActionResult> OnGetOverTimeAsync(CancellationToken cancellationToken) =>
        Unchanged() ? StatusCode(StatusCodes.Status304NotModified) : Partial("_OverTime", DashboardViews.OverTime(FragmentUrl("OverTime"), await stats.OverTimeAsync(Period, cancellationToken, Measure)));

    public async Task<IActionResult> OnGetHeatmapAsync(CancellationToken cancellationToken) =>
        Unchanged() ? StatusCode(StatusCodes.Status304NotModified) : Partial("_Heatmap", DashboardViews.Heatmap(FragmentUrl("Heatmap"), await stats.HeatmapAsync(Period, cancellationToken, Measure), Measure));

    public async Task<IActionResult> OnGetSessionsAsync(CancellationToken cancellationToken) =>
        Unchanged() ? StatusCode(StatusCodes.Status304NotModified)
            : Partial("_Sessions", DashboardViews.Sessions(FragmentUrl("Sessions"), await stats.SessionsAsync(Period, LongestSessions, cancellationToken), stats.Zone));

    public async Task<IActionResult> OnGetStreaksAsync(CancellationToken cancellationToken) =>
        Unchanged() ? StatusCode(StatusCodes.Status304NotModified)
            : Partial("_Streaks", DashboardViews.Streaks(FragmentUrl("Streaks"), await stats.StreaksAsync(Period, cancellationToken), stats.Zone));

    public async Task<IActionResult> OnGetGenresAsync(CancellationToken cancellationToken) =>
        Unchanged() ? StatusCode(StatusCodes.Status304NotModified)
            : Partial("_Genres", DashboardViews.Genres(FragmentUrl("Genres"), await stats.GenresAsync(Period, TopCount, cancellationToken)));

    public async Task<IActionResult> OnGetDiscoveryAsync(CancellationToken cancellationToken) =>
        Unchanged() ? StatusCode(StatusCodes.Status304NotModified)
            : Partial("_Discovery", DashboardViews.Discovery(FragmentUrl("Discovery"), await stats.DiscoveryAsync(Period, ForgottenCount, cancellationToken), stats.Zone));

    public async Task<IActionResult> OnGetTopAsync(TopKind kind, int skip, CancellationToken cancellationToken) =>
        Unchanged() ? StatusCode(StatusCodes.Status304NotModified) : Partial("_Top", await Top(kind, Math.Clamp(skip, 0, MaxSkip), cancellationToken));

    private async Task<TopView> Top(TopKind kind, int skip, CancellationToken cancellationToken)
    {
        var items = await stats.TopAsync(kind, Period, skip, TopCount + 1, cancellationToken, Measure);
        var compared = DashboardPeriods.Previous(Period) is not null;
        string Page(int from) => Url.Page("/Index", "Top", new { from = From, to = To, by = ByParameter, kind, skip = from })!;
        return new TopView($"top-{kind.ToString().ToLowerInvariant()}", DashboardViews.Title(kind), Page(skip),
            items.Take(TopCount).Select(a => DashboardViews.Row(a, compared, kind, Measure)).ToList(),
            skip > 0 ? Page(Math.Max(0, skip - TopCount)) : null,
            items.Count > TopCount ? Page(skip + TopCount) : null);
    }

    private bool Unchanged() => ConditionalResponse.IsNotModified(HttpContext, stats.Version());

    private string FragmentUrl(string handler) => Url.Page("/Index", handler, new { from = From, to = To, by = ByParameter })!;

    private PeriodView PeriodView(List<PeriodPreset> presets)
    {
        var current = Period;
        return new PeriodView(DashboardViews.Describe(current),
            presets.Select(p => new PresetLink(p.Label, Url.Page("/Index", new { from = Text(p.Period.From), to = Text(p.Period.To), by = ByParameter })!, p.Period == current)).ToList(),
            Text(current.From), Text(current.To), ByParameter,
            [
                new PresetLink("Minutes", Url.Page("/Index", new { from = Text(current.From), to = Text(current.To) })!, Measure == Measure.Minutes),
                new PresetLink("Streams", Url.Page("/Index", new { from = Text(current.From), to = Text(current.To), by = "streams" })!, Measure == Measure.Streams),
            ],
            Url.Page("/Export/Index", new { from = Text(current.From), to = Text(current.To), format = "csv" })!,
            Url.Page("/Export/Index", new { from = Text(current.From), to = Text(current.To), format = "json" })!);
    }

    private static string? Text(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
