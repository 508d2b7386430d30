using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Tests.Infrastructure;

namespace MusicAnalyser.Tests.Listening;

/// <summary>Every panel, for all time and for one year, over each real export: a page a person can read, no error.</summary>
public sealed class RealExportDashboardTests
{
    public static TheoryData<string> Folders =>
    [
        "old-fedecalendino-2020", "old-nishalsach-2019", "old-lshatkin-2019", "acct-hobbies-w-erin-2024", "acct-alanindra-2025",
        "acct-justsujay-2023", "ext-erickmay-endsong", "ext-mtas0-2023", "ext-pikachuaaaa-2020", "ext-efrrowini-2026",
    ];

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Every_panel_renders_for_a_real_export(string folder)
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["MusicAnalyser:TimeZone"] = "Europe/Berlin" });
        var summary = app.Services.GetRequiredService<ImportService>()
            .Import([RealExports.PathOf(folder)], "test", new ImportProgress(), TestContext.Current.CancellationToken);
        Assert.True(summary.Added > 0);
        // All time, a year most of these exports cover, and a year none does (an empty period renders too).
        foreach (var query in new[] { "", "&from=2023-01-01&to=2023-12-31", "&from=2001-01-01&to=2001-12-31" })
        {
            foreach (var fragment in new[] { "Overview", "OverTime", "Heatmap", "Sessions", "Streaks", "Genres", "Discovery", "Top&kind=Artists", "Top&kind=Tracks", "Top&kind=Albums" })
            {
                using var response = await app.Client.GetAsync($"/?handler={fragment}{query}", TestContext.Current.CancellationToken);
                var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{fragment}{query}: {(int)response.StatusCode}");
                Assert.StartsWith("<section id=", html.TrimStart(), StringComparison.Ordinal);
            }
        }
        var page = await app.Client.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("Music plays", page, StringComparison.Ordinal);
        Assert.Contains("Top artists", page, StringComparison.Ordinal);
        using var podcasts = await app.Client.GetAsync("/Podcasts", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, podcasts.StatusCode);
    }
}
