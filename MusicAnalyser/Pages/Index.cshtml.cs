using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages;

/// <summary>
/// The dashboard. The page renders whole on a direct load; a period change swaps #dashboard; each panel is
/// also a fragment of its own (handlers Overview, OverTime, Heatmap, Sessions, Streaks, Genres, Discovery,
/// Top), answering 304 while nothing it shows can have changed.
/// </summary>
public sealed class IndexModel(DashboardStats stats) : PageModel
{
    private const int MaxSkip = 10_000;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    /// <summary>"streams" counts streams in the charts and lists; anything else counts minutes.</summary>
    [BindProperty(SupportsGet = true)] public string? By { get; set; }

    public DashboardView View { get; private set; } = null!;

    private DashboardPanels Panels => new(stats, Url, new DashboardQuery(From, To, By));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await Panels.AllAsync(cancellationToken);
        // A period change swaps #dashboard; htmx restoring history it no longer holds asks for the whole page.
        Response.Headers.Vary = "HX-Request";
        return Request.IsHtmx(out var htmx) && htmx is { HistoryRestoreRequest: false } ? Partial("_Dashboard", View) : Page();
    }

    public async Task<IActionResult> OnGetOverviewAsync(CancellationToken cancellationToken) => Unchanged() ? NotModified() : Partial("_OverviewPanel", await Panels.OverviewAsync(cancellationToken));

    public async Task<IActionResult> OnGetOverTimeAsync(CancellationToken cancellationToken) => Unchanged() ? NotModified() : Partial("_OverTime", await Panels.OverTimeAsync(cancellationToken));

    public async Task<IActionResult> OnGetHeatmapAsync(CancellationToken cancellationToken) => Unchanged() ? NotModified() : Partial("_Heatmap", await Panels.HeatmapAsync(cancellationToken));

    public async Task<IActionResult> OnGetSessionsAsync(CancellationToken cancellationToken) => Unchanged() ? NotModified() : Partial("_Sessions", await Panels.SessionsAsync(cancellationToken));

    public async Task<IActionResult> OnGetStreaksAsync(CancellationToken cancellationToken) => Unchanged() ? NotModified() : Partial("_Streaks", await Panels.StreaksAsync(cancellationToken));

    public async Task<IActionResult> OnGetGenresAsync(CancellationToken cancellationToken) => Unchanged() ? NotModified() : Partial("_Genres", await Panels.GenresAsync(cancellationToken));

    public async Task<IActionResult> OnGetDiscoveryAsync(CancellationToken cancellationToken) => Unchanged() ? NotModified() : Partial("_Discovery", await Panels.DiscoveryAsync(cancellationToken));

    public async Task<IActionResult> OnGetTopAsync(TopKind kind, int skip, CancellationToken cancellationToken) =>
        Unchanged() ? NotModified() : Partial("_Top", await Panels.TopAsync(kind, Math.Clamp(skip, 0, MaxSkip), cancellationToken));

    /// <summary>True when the browser already has this fragment for the current data, settings and day.</summary>
    private bool Unchanged() => ConditionalResponse.IsNotModified(HttpContext, stats.Version());

    private StatusCodeResult NotModified() => StatusCode(StatusCodes.Status304NotModified);
}
