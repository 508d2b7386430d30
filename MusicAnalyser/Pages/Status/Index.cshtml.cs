using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Listening;
using MusicAnalyser.Features.Spotify;

namespace MusicAnalyser.Pages.Status;

public sealed class IndexModel(SpotifyStatus status, DashboardStats stats) : PageModel
{
    public StatusView View { get; private set; } = null!;

    public void OnGet() => View = StatusView.From(status.Report(), stats.Zone);
}
