using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages.Podcasts;

/// <summary>Podcasts and audiobooks, apart from music; the period is in the URL as on the dashboard.</summary>
public sealed class IndexModel(SpokenWordStats stats) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public string PeriodTitle { get; private set; } = "";
    public SpokenWord View { get; private set; } = null!;

    public void OnGet()
    {
        var period = DashboardPeriods.Parse(From, To);
        PeriodTitle = DashboardViews.Describe(period);
        View = stats.Get(period);
    }
}
