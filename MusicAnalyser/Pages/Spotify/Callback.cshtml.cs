using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Spotify;

namespace MusicAnalyser.Pages.Spotify;

/// <summary>Where Spotify sends the person back after they approved (or declined) the app.</summary>
public sealed class CallbackModel(SpotifyAccount account) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        if (error is not null || code is null || state is null)
        {
            Problem = error == "access_denied" ? "You declined the connection; nothing changed." : $"Spotify did not complete the sign-in ({error ?? "no code"}).";
            return Page();
        }
        try
        {
            await account.ConnectAsync(code, state, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            Problem = e.Message;
            return Page();
        }
        catch (HttpRequestException e)
        {
            Problem = $"Spotify could not be reached to finish the sign-in ({e.Message}). Try again.";
            return Page();
        }
        TempData["Message"] = "Spotify is connected.";
        return RedirectToPage("/Settings/Index");
    }
}
