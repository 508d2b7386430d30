using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MusicAnalyser.Features.Spotify;
using MusicAnalyser.Tests.Fakes;
using MusicAnalyser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MusicAnalyser.Tests.Browser;

public sealed class SpotifyConnectTests(Chromium chromium)
{
    /// <summary>A fake accounts service whose authorize page approves at once, as a person clicking "Agree" would.</summary>
    private static async Task<FakeHttpServer> ApprovingAccountsAsync()
    {
        var accounts = await FakeHttpServer.StartAsync();
        accounts.On("GET", "/authorize", request =>
            FakeResponse.Empty(302).WithHeader("Location", $"{request.Query("redirect_uri")}?code=approved-code&state={Uri.EscapeDataString(request.Query("state")!)}"));
        accounts.On("POST", "/api/token", FakeResponse.Json(new
        {
            access_token = "access-1", token_type = "Bearer", expires_in = 3600, refresh_token = "refresh-1", scope = SpotifyAuthorization.Scopes,
        }));
        accounts.On("GET", "/v1/me", FakeResponse.Json(new { id = "jane.doe", display_name = "Jane Doe" }));
        return accounts;
    }

    [Fact]
    public async Task A_person_enters_their_client_id_connects_through_spotify_and_can_disconnect()
    {
        await using var accounts = await ApprovingAccountsAsync();
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["MusicAnalyser:Spotify:AccountsBaseUrl"] = accounts.BaseAddress.ToString(),
            ["MusicAnalyser:Spotify:ApiBaseUrl"] = accounts.BaseAddress.ToString(),
        });
        await using var tab = await chromium.OpenAsync(app.BaseAddress);
        var page = tab.Page;

        await page.GotoAsync("/Settings");
        await Expect(page.GetByText($"http://127.0.0.1:{app.BaseAddress.Port}/spotify/callback")).ToBeVisibleAsync();
        await page.GetByLabel("Client ID").FillAsync("my-client-id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved. Now connect.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect Spotify" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Settings$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Spotify is connected.");
        await Expect(page.GetByText("Connected as Jane Doe (jane.doe).", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("Bearer access-1", Assert.Single(accounts.RequestsTo("GET", "/v1/me")).Header("Authorization"));
        await page.GotoAsync("/Status");
        var since = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Connected since" }).GetByRole(AriaRole.Cell);
        await Expect(since).ToContainTextAsync(DateTime.UtcNow.AddMonths(6).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await page.GotoAsync("/Settings");
        var authorize = Assert.Single(accounts.RequestsTo("GET", "/authorize"));
        Assert.Equal(("my-client-id", "S256"), (authorize.Query("client_id"), authorize.Query("code_challenge_method")));
        Assert.Equal("approved-code", Assert.Single(accounts.RequestsTo("POST", "/api/token")).Form("code"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await Expect(page.GetByText("Not connected.")).ToBeVisibleAsync();
        Assert.Null(app.Services.GetRequiredService<SpotifyTokenStore>().Read());
    }

    [Fact]
    public async Task When_spotify_refused_the_connection_every_page_offers_to_reconnect()
    {
        await using var app = new TestApp();
        app.Services.GetRequiredService<SpotifyTokenStore>().Save(new SpotifyTokens("a", "r", DateTimeOffset.UtcNow, SpotifyAuthorization.Scopes, NeedsReconnect: true));
        await using var tab = await chromium.OpenAsync(app.BaseAddress);

        foreach (var path in new[] { "/", "/Import", "/Podcasts" })
        {
            await tab.Page.GotoAsync(path);
            await Expect(tab.Page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Reconnect Spotify" })).ToBeVisibleAsync();
        }
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Reconnect Spotify" }).ClickAsync();
        await Expect(tab.Page.GetByText("Spotify needs to be connected again")).ToBeVisibleAsync();
    }
}
