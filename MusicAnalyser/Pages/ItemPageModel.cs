using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages;

/// <summary>An artist's or a track's page: /Artist/{id} and /Track/{id} differ only in which they show.</summary>
public abstract class ItemPageModel(DashboardStats stats, TopKind kind) : PageModel
{
    public ItemView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await stats.DetailAsync(kind, id, cancellationToken) is not { } detail)
        {
            return NotFound();
        }
        View = ItemView.From(detail, stats.Zone);
        return Page();
    }
}
