using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages;

public sealed class IndexModel(OverviewStats stats) : PageModel
{
    public OverviewView View { get; private set; } = null!;

    public void OnGet() => View = OverviewView.From(stats.Get(ListeningPeriod.AllTime));
}
