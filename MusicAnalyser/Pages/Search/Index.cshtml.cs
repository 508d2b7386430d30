using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages.Search;

public sealed class IndexModel(MusicSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public List<SearchHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Hits = await search.FindAsync(Q ?? "", cancellationToken);
}
