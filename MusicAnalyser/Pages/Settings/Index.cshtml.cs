using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Spotify;

namespace MusicAnalyser.Pages.Settings;

/// <summary>Connecting Spotify: the app's Client ID (and optional secret), the redirect URI to register, Connect and Disconnect.</summary>
public sealed class IndexModel(SpotifyApp app, SpotifyAuthorization authorization, SpotifyConnection connection, SpotifyRedirect redirect) : PageModel
{
    [BindProperty] public string? ClientId { get; set; }
    [BindProperty] public string? ClientSecret { get; set; }

    public SpotifyConnectionState State { get; private set; }
    public string Connected { get; private set; } = "Connected.";
    public Uri RedirectUri { get; private set; } = null!;
    public bool HasSecret { get; private set; }

    [TempData] public string? Message { get; set; }

    public void OnGet()
    {
        var current = app.Current();
        ClientId = current.ClientId;
        HasSecret = !string.IsNullOrEmpty(current.ClientSecret);
        State = connection.State;
        Connected = connection.Profile is { } profile ? $"Connected as {profile.Describe()}." : "Connected.";
        RedirectUri = redirect.For(Request);
    }

    public IActionResult OnPostSave()
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            Message = "Enter the Client ID of your Spotify app.";
            return RedirectToPage();
        }
        app.Save(ClientId, ClientSecret);
        Message = "Saved. Now connect.";
        return RedirectToPage();
    }

    public IActionResult OnPostConnect()
    {
        if (!app.Current().HasClientId)
        {
            Message = "Enter the Client ID of your Spotify app first.";
            return RedirectToPage();
        }
        return Redirect(authorization.Start(redirect.For(Request)).ToString());
    }

    public IActionResult OnPostDisconnect()
    {
        authorization.Disconnect();
        Message = "Disconnected. Everything already recorded stays.";
        return RedirectToPage();
    }
}
