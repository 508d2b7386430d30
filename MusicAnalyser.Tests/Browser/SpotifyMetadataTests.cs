using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Features.Spotify;
using MusicAnalyser.Tests.Fakes;
using MusicAnalyser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static MusicAnalyser.Tests.Import.HandWrittenExport;

namespace MusicAnalyser.Tests.Browser;

public sealed class SpotifyMetadataTests(Chromium chromium) : IDisposable
{
    private const string Song = "1AAAAAAAAAAAAAAAAAAAAA", Rocker = "4RRRRRRRRRRRRRRRRRRRRR";
    private static readonly string[] RockAndPop = ["rock", "pop"];
    private readonly TempFolder _input = new("metadata-browser");

    public void Dispose() => _input.Dispose();

    private static FakeResponse Picture(string colour) => new(200,
        $"""<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><rect width="300" height="300" fill="{colour}"/></svg>""", "image/svg+xml");

    [Fact]
    public async Task After_the_backfill_the_dashboard_shows_genres_covers_and_the_artists_photo()
    {
        await using var spotify = await FakeHttpServer.StartAsync();
        var images = spotify.BaseAddress + "img/";
        spotify.On("GET", $"/v1/tracks/{Song}", FakeResponse.Json(new
        {
            id = Song, name = "Loud Song", duration_ms = 200_000, artists = new[] { new { id = Rocker, name = "Rocker" } },
            album = new { id = "2AAAAAAAAAAAAAAAAAAAAA", name = "Loud Album", images = new[] { new { url = images + "cover.svg", width = 300, height = 300 } } },
            external_ids = new { isrc = "QZ1234567890" },
        }));
        spotify.On("GET", $"/v1/artists/{Rocker}", FakeResponse.Json(new
        {
            id = Rocker, name = "Rocker", genres = RockAndPop, images = new[] { new { url = images + "rocker.svg", width = 320, height = 320 } },
        }));
        spotify.On("GET", "/img/cover.svg", Picture("crimson"));
        spotify.On("GET", "/img/rocker.svg", Picture("teal"));
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["MusicAnalyser:Spotify:ApiBaseUrl"] = spotify.BaseAddress.ToString(),
            ["MusicAnalyser:Spotify:MetadataInterval"] = "00:00:01",
            ["MusicAnalyser:Spotify:MetadataPace"] = "00:00:00",
        });
        app.Services.GetRequiredService<ImportService>().Import(
            [Write(_input.Combine("Streaming_History_Audio_2024.json"),
                Track("2024-05-01T10:00:00Z", "Loud Song", "Rocker", 200_000, $"spotify:track:{Song}", album: "Loud Album"),
                Track("2024-05-01T10:04:00Z", "Loud Song", "Rocker", 200_000, $"spotify:track:{Song}", album: "Loud Album"))],
            "test", new ImportProgress(), TestContext.Current.CancellationToken);
        await using var tab = await chromium.OpenAsync(app.BaseAddress);
        var page = tab.Page;
        await page.GotoAsync("/");
        var genres = page.GetByRole(AriaRole.Region, new() { Name = "Top genres" });
        await Expect(genres).ToContainTextAsync("Genres come from Spotify");

        app.Services.GetRequiredService<SpotifyTokenStore>()
            .Save(new SpotifyTokens("access-1", "refresh-1", DateTimeOffset.UtcNow.AddHours(1), SpotifyAuthorization.Scopes));
        // The person watches the Status page until the backfill is done, then goes back to the dashboard.
        await page.GotoAsync("/Status");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Metadata" }).GetByRole(AriaRole.Cell)).ToHaveTextAsync("all filled in");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Artists filled in" }).GetByRole(AriaRole.Cell)).ToHaveTextAsync("1 of 1");
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Top artists" }).Locator("img")).ToHaveAttributeAsync("src", images + "rocker.svg");
        await Expect(genres).ToContainTextAsync("rock");
        await Expect(genres).ToContainTextAsync("pop");
        var cover = page.GetByRole(AriaRole.Region, new() { Name = "Top tracks" }).Locator("img");
        await Expect(cover).ToHaveAttributeAsync("src", images + "cover.svg");
        Assert.True(await cover.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the cover did not load");
        await page.GetByRole(AriaRole.Region, new() { Name = "Top artists" }).GetByRole(AriaRole.Link, new() { Name = "Rocker" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Photo of Rocker" })).ToBeVisibleAsync();
    }
}
