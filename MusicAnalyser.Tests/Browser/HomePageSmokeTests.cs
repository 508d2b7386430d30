using System.Text.RegularExpressions;
using MusicAnalyser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MusicAnalyser.Tests.Browser;

public sealed partial class HomePageSmokeTests(Chromium chromium)
{
    [Fact]
    public async Task Home_page_opens_in_the_browser_with_the_app_name_in_its_title()
    {
        await using var app = new TestApp();
        await using var tab = await chromium.OpenAsync(app.BaseAddress);

        await tab.Page.GotoAsync("/");

        await Expect(tab.Page).ToHaveTitleAsync(AppName());
    }

    [GeneratedRegex("MusicAnalyser")]
    private static partial Regex AppName();
}
