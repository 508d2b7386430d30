using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MusicAnalyser.Features.Spotify;
using MusicAnalyser.Tests.Fakes;
using MusicAnalyser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MusicAnalyser.Tests.Browser;

public sealed class StatusPageTests(Chromium chromium)
{
    private static readonly string[] Indie = ["indie"];

    private static ILocator Line(IPage page, string label) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = label, Exact = true }) }).GetByRole(AriaRole.Cell);

    [Fact]
    public async Task The_open_status_page_follows_capture_and_backfill_as_they_happen()
    {
        var playedAt = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var page = $$$"""
            {"items":[{"track":{"id":"4uLU6hMCjMI75M1A2tKUQC","name":"Right Now","duration_ms":200000,"artists":[{"id":"0gxyHStUsqpMadRV0Di1Qt","name":"Live Band"}],
              "album":{"id":"6XhjNHCyCDyyGJRM5mg40G","name":"Today","images":[]}},"played_at":"{{{playedAt}}}","context":null}],
             "cursors":{"after":"1","before":"1"},"next":null}
            """;
        await using var spotify = await FakeHttpServer.StartAsync();
        spotify.On("GET", "/v1/me/player/recently-played", FakeResponse.Json(page));
        spotify.On("GET", "/v1/me", FakeResponse.Json(new { id = "jane.doe", display_name = "Jane Doe" }));
        spotify.On("GET", "/v1/artists/0gxyHStUsqpMadRV0Di1Qt", FakeResponse.Json(new { id = "0gxyHStUsqpMadRV0Di1Qt", name = "Live Band", genres = Indie, images = Array.Empty<object>() }));
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["MusicAnalyser:Spotify:ApiBaseUrl"] = spotify.BaseAddress.ToString(),
            ["MusicAnalyser:Spotify:PollInterval"] = "00:00:01",
            ["MusicAnalyser:Spotify:MetadataInterval"] = "00:00:01",
            ["MusicAnalyser:Spotify:MetadataPace"] = "00:00:00",
            ["MusicAnalyser:TimeZone"] = "UTC",
        });
        await using var tab = await chromium.OpenAsync(app.BaseAddress);
        await tab.Page.GotoAsync("/Status");
        await Expect(Line(tab.Page, "Spotify")).ToHaveTextAsync("not connected");
        await Expect(Line(tab.Page, "Metadata")).ToHaveTextAsync("waits for Spotify to be connected");
        await Expect(Line(tab.Page, "Last error")).ToHaveTextAsync("none");

        app.Services.GetRequiredService<SpotifyTokenStore>()
            .Save(new SpotifyTokens("access-1", "refresh-1", DateTimeOffset.UtcNow.AddHours(1), SpotifyAuthorization.Scopes));

        // No reload: the page asks for its figures again every few seconds.
        await Expect(Line(tab.Page, "Spotify")).ToHaveTextAsync("connected as Jane Doe (jane.doe)");
        await Expect(Line(tab.Page, "Plays captured today")).ToHaveTextAsync("1");
        await Expect(Line(tab.Page, "Tracks filled in")).ToHaveTextAsync("1 of 1");
        await Expect(Line(tab.Page, "Artists filled in")).ToHaveTextAsync("1 of 1");
        await Expect(Line(tab.Page, "Last error")).ToHaveTextAsync("none");
        await Expect(Line(tab.Page, "Metadata")).ToHaveTextAsync("all filled in");
        Assert.Equal("Bearer access-1", spotify.RequestsTo("GET", "/v1/artists/0gxyHStUsqpMadRV0Di1Qt")[0].Header("Authorization"));
    }

    [Fact]
    public async Task Htmx_gets_the_status_panel_alone_and_a_browser_the_whole_page()
    {
        await using var app = new TestApp();
        using var fragment = new HttpRequestMessage(HttpMethod.Get, "/Status");
        fragment.Headers.Add("HX-Request", "true");

        using var panel = await app.Client.SendAsync(fragment, TestContext.Current.CancellationToken);
        var page = await app.Client.GetStringAsync("/Status", TestContext.Current.CancellationToken);

        var html = await panel.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("<section id=\"capture\"", html.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("HX-Request", panel.Headers.Vary);
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("id=\"capture\"", page, StringComparison.Ordinal);
    }
}
