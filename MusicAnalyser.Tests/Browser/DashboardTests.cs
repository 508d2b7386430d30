using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static MusicAnalyser.Tests.Import.HandWrittenExport;

namespace MusicAnalyser.Tests.Browser;

public sealed class DashboardTests(Chromium chromium) : IDisposable
{
    private readonly TempFolder _input = new("dashboard-browser");

    public void Dispose() => _input.Dispose();

    /// <summary>An app over two years of plays: 2023 has three, 2024 has one.</summary>
    private TestApp AppWithTwoYears()
    {
        var app = new TestApp(new Dictionary<string, string?> { ["MusicAnalyser:TimeZone"] = "Europe/Berlin" });
        var path = Write(_input.Combine("Streaming_History_Audio_2023-2024.json"),
            Track("2023-02-01T10:00:00Z", "One", "Alpha", 200_000, "spotify:track:0000000000000000000001"),
            Track("2023-03-01T10:00:00Z", "Two", "Alpha", 200_000, "spotify:track:0000000000000000000002"),
            Track("2023-04-01T10:00:00Z", "Three", "Beta", 100_000, "spotify:track:0000000000000000000003"),
            Track("2024-05-01T10:00:00Z", "Four", "Gamma", 300_000, "spotify:track:0000000000000000000004"));
        Assert.Equal(4, Import(app, path).Added);
        return app;
    }

    private static ImportSummary Import(TestApp app, string path) =>
        app.Services.GetRequiredService<ImportService>().Import([path], "test", new ImportProgress(), TestContext.Current.CancellationToken);

    private static ILocator Total(IPage page, string label) => page.Locator($"dt:text-is('{label}') + dd");

    [Fact]
    public async Task Choosing_a_preset_and_a_custom_range_changes_the_panels_and_the_url_and_back_restores()
    {
        await using var app = AppWithTwoYears();
        await using var tab = await chromium.OpenAsync(app.BaseAddress);
        var page = tab.Page;
        await page.GotoAsync("/");
        await Expect(Total(page, "Music plays")).ToHaveTextAsync("4");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Period" }).GetByRole(AriaRole.Link, new() { Name = "2023" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"\?from=2023-01-01&to=2023-12-31$"));
        await Expect(Total(page, "Music plays")).ToHaveTextAsync("3");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "2023" })).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Top artists" }).GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Alpha");

        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2024-04-01");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2024-05-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"\?from=2024-04-01&to=2024-05-31$"));
        await Expect(Total(page, "Music plays")).ToHaveTextAsync("1");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Top artists" }).GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Gamma");

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"\?from=2023-01-01&to=2023-12-31$"));
        await Expect(Total(page, "Music plays")).ToHaveTextAsync("3");

        await page.ReloadAsync();
        await Expect(Total(page, "Music plays")).ToHaveTextAsync("3");
    }

    [Fact]
    public async Task At_phone_width_nothing_scrolls_sideways_and_the_keyboard_reaches_the_period_picker()
    {
        await using var app = AppWithTwoYears();
        await using var tab = await chromium.OpenAsync(app.BaseAddress, o => o.ViewportSize = new() { Width = 390, Height = 844 });
        var page = tab.Page;
        await page.GotoAsync("/");
        await Expect(Total(page, "Music plays")).ToHaveTextAsync("4");

        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide in a {widths[1]} px viewport");

        var picker = page.GetByRole(AriaRole.Navigation, new() { Name = "Period" }).GetByRole(AriaRole.Link, new() { Name = "Last 7 days" });
        for (var press = 0; press < 10 && !await picker.EvaluateAsync<bool>("e => e === document.activeElement"); press++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(picker).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$"));
    }

    [Fact]
    public async Task An_artist_opens_from_the_top_list_and_a_track_from_the_search_box()
    {
        await using var app = AppWithTwoYears();
        await using var tab = await chromium.OpenAsync(app.BaseAddress);
        var page = tab.Page;
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Region, new() { Name = "Top artists" }).GetByRole(AriaRole.Link, new() { Name = "Alpha" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alpha", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("dt:text-is('Plays') + dd")).ToHaveTextAsync("2");
        await Expect(page.GetByText("First play 1 Feb 2023")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Top tracks" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search artists and tracks" }).FillAsync("thr");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Three · Beta" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Three · Beta", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("dt:text-is('Minutes') + dd")).ToHaveTextAsync("2");

        await page.GotoAsync("/?from=2024-01-01&to=2024-12-31");
        await page.GetByRole(AriaRole.Region, new() { Name = "Sessions" }).GetByRole(AriaRole.Link, new() { Name = "Gamma" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gamma", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Switching_to_streams_keeps_the_period_and_the_choice_survives_a_period_change()
    {
        await using var app = AppWithTwoYears();
        await using var tab = await chromium.OpenAsync(app.BaseAddress);
        var page = tab.Page;
        await page.GotoAsync("/?from=2023-01-01&to=2023-12-31");

        await page.GetByRole(AriaRole.List, new() { Name = "Count by" }).GetByRole(AriaRole.Link, new() { Name = "Streams" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"\?from=2023-01-01&to=2023-12-31&by=streams$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Streams per week" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Period" }).GetByRole(AriaRole.Link, new() { Name = "All time" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"\?by=streams$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Streams" })).ToHaveAttributeAsync("aria-current", "true");
    }

    [Fact]
    public async Task History_restores_get_the_whole_page_and_far_off_dates_or_pages_still_answer()
    {
        await using var app = AppWithTwoYears();
        using var restore = new HttpRequestMessage(HttpMethod.Get, "/?from=2023-01-01&to=2023-12-31");
        restore.Headers.Add("HX-Request", "true");
        restore.Headers.Add("HX-History-Restore-Request", "true");

        using var restored = await app.Client.SendAsync(restore, TestContext.Current.CancellationToken);
        var html = await restored.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("<nav aria-label=\"Main\">", html, StringComparison.Ordinal);
        foreach (var url in new[] { "/?from=0001-01-01&to=9999-12-31", "/?handler=OverTime&from=1500-01-02&to=2990-12-30", "/?handler=Top&kind=Artists&skip=2147483640", "/Export?from=0001-01-01", "/Podcasts?to=9999-12-31" })
        {
            using var response = await app.Client.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_unchanged_fragment_answers_304_and_a_new_import_changes_its_validator()
    {
        await using var app = AppWithTwoYears();
        using var first = await app.Client.GetAsync("/?handler=Overview&from=2023-01-01&to=2023-12-31", TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/?handler=Overview&from=2023-01-01&to=2023-12-31");
        again.Headers.IfNoneMatch.Add(etag);
        using var unchanged = await app.Client.SendAsync(again, TestContext.Current.CancellationToken);

        Write(_input.Combine("more", "Streaming_History_Audio_2023_1.json"), Track("2023-06-01T10:00:00Z", "Five", "Delta", 100_000, "spotify:track:0000000000000000000005"));
        Import(app, _input.Combine("more"));
        using var afterImport = new HttpRequestMessage(HttpMethod.Get, "/?handler=Overview&from=2023-01-01&to=2023-12-31");
        afterImport.Headers.IfNoneMatch.Add(etag);
        using var changed = await app.Client.SendAsync(afterImport, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains(">4<", await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
