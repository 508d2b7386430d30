using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Listening;
using MusicAnalyser.Features.Spotify;

namespace MusicAnalyser.Pages.Status;

public sealed class IndexModel(SpotifyStatus status, DashboardStats stats, TimeProvider time) : PageModel
{
    public StatusView View { get; private set; } = null!;

    public IActionResult OnGet()
    {
        View = StatusView.From(status.Report(), stats.Zone, time.GetUtcNow());
        Response.Headers.Vary = "HX-Request";
        return Request.IsHtmx() ? Partial("_Capture", View) : Page();
    }
}
