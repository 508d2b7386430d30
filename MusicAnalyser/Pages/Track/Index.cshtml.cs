using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages.Track;

public sealed class IndexModel(DashboardStats stats) : PageModel
{
    public ItemView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await stats.DetailAsync(TopKind.Tracks, id, cancellationToken) is not { } detail)
        {
            return NotFound();
        }
        View = ItemView.From(detail, stats.Zone);
        return Page();
    }
}
