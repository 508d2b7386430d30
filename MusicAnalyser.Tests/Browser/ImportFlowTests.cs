using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using MusicAnalyser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MusicAnalyser.Tests.Browser;

public sealed class ImportFlowTests(Chromium chromium)
{
    private static readonly LocatorAssertionsToBeVisibleOptions ImportTime = new() { Timeout = 60_000 };

    [Fact]
    public async Task Uploading_the_zip_shows_the_summary_then_the_dashboard_shows_the_totals_and_top_artist()
    {
        var export = await GeneratedExports.GetAsync("--plays", "4000", "--zip", "--seed", "31");
        var expected = ExpectedListening.FromExtendedHistory(export);
        await using var app = new TestApp();
        await using var tab = await chromium.OpenAsync(app.BaseAddress);
        var page = tab.Page;

        await page.GotoAsync("/Import");
        await page.GetByLabel("Export zip or JSON files").SetInputFilesAsync(Path.Combine(export, GeneratedExports.ZipFileName));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" })).ToBeVisibleAsync(ImportTime);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/Import\?job="));
        await Expect(page.GetByText("Read 7,")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "duplicate of an extended-history play" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "See your dashboard" }).ClickAsync();

        await Expect(Total(page, "Music plays")).ToHaveTextAsync(expected.MusicPlays.ToString("N0", CultureInfo.InvariantCulture));
        await Expect(Total(page, "Artists")).ToHaveTextAsync(expected.Artists.ToString("N0", CultureInfo.InvariantCulture));
        await Expect(Total(page, "Hours listened")).ToHaveTextAsync((expected.Minutes / 60).ToString("N0", CultureInfo.InvariantCulture));
        var topArtists = page.GetByRole(AriaRole.Region, new() { Name = "Top artists" }).GetByRole(AriaRole.Listitem);
        await Expect(topArtists).ToHaveCountAsync(10);
        await Expect(topArtists.First).ToContainTextAsync(expected.TopArtists[0].Name);
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Minutes per week" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_empty_dashboard_invites_the_person_to_import_their_data()
    {
        await using var app = new TestApp();
        await using var tab = await chromium.OpenAsync(app.BaseAddress);

        await tab.Page.GotoAsync("/");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Import your Spotify data" }).ClickAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Import your Spotify data" })).ToBeVisibleAsync();
        await Expect(tab.Page.GetByLabel("Export zip or JSON files")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_broken_file_is_listed_as_not_imported_while_the_good_file_lands()
    {
        var export = await GeneratedExports.GetAsync("--plays", "1500", "--no-account-data", "--seed", "32");
        var good = Directory.GetFiles(export, "Streaming_History_Audio_*.json", SearchOption.AllDirectories).Single();
        using var input = new TempFolder("browser-broken");
        var broken = input.Combine("Streaming_History_Audio_2030_9.json");
        File.WriteAllText(broken, "[{\"ts\": \"2030-01-01T00:00:00Z\", \"ms_played\": \"soon\"}]");
        await using var app = new TestApp();
        await using var tab = await chromium.OpenAsync(app.BaseAddress);
        var page = tab.Page;

        await page.GotoAsync("/Import");
        await page.GetByLabel("Export zip or JSON files").SetInputFilesAsync([good, broken]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished, with files we could not read" })).ToBeVisibleAsync(ImportTime);
        var problem = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Streaming_History_Audio_2030_9.json" });
        await Expect(problem).ToContainTextAsync("\"ms_played\" should be a number");
        await page.GetByRole(AriaRole.Link, new() { Name = "See your dashboard" }).ClickAsync();
        await Expect(Total(page, "Music plays")).Not.ToHaveTextAsync("0");
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_with_a_message_and_leaves_nothing_on_disk()
    {
        using var input = new TempFolder("browser-too-big");
        var big = input.Combine("my_spotify_data.zip");
        await File.WriteAllBytesAsync(big, new byte[3 << 20], TestContext.Current.CancellationToken);
        await using var app = new TestApp(new Dictionary<string, string?> { ["MusicAnalyser:Import:MaxUploadBytes"] = (1 << 20).ToString(CultureInfo.InvariantCulture) });
        await using var tab = await chromium.OpenAsync(app.BaseAddress);
        var page = tab.Page;

        await page.GotoAsync("/Import");
        await page.GetByLabel("Export zip or JSON files").SetInputFilesAsync(big);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("larger than 1 MB");
        Assert.Empty(Directory.GetFiles(app.DataDirectory, "*.zip", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        await using var app = new TestApp();
        using var content = new MultipartFormDataContent { { new ByteArrayContent("[]"u8.ToArray()), "files", "Streaming_History_Audio_2020.json" } };

        using var response = await app.Client.PostAsync("/Import?handler=Upload", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Directory.GetFiles(app.DataDirectory, "*.json", SearchOption.AllDirectories));
    }

    private static ILocator Total(IPage page, string label) =>
        page.GetByRole(AriaRole.Definition).And(page.Locator($"dt:text-is('{label}') + dd"));
}
