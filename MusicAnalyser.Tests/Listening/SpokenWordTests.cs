using Microsoft.Extensions.DependencyInjection;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Features.Listening;
using MusicAnalyser.Tests.Import;
using MusicAnalyser.Tests.Infrastructure;
using static MusicAnalyser.Tests.Import.HandWrittenExport;

namespace MusicAnalyser.Tests.Listening;

public sealed class SpokenWordTests : IDisposable
{
    private readonly TempFolder _input = new("spoken-word");

    public void Dispose() => _input.Dispose();

    [Fact]
    public void Podcasts_count_episodes_and_minutes_per_show_and_never_music()
    {
        var path = Write(_input.Combine("Streaming_History_Audio_2024.json"),
            Episode("2024-01-01T10:00:00Z", "Ep 1", "Talk Show", 1_800_000, "spotify:episode:0000000000000000000001"),
            Episode("2024-01-02T10:00:00Z", "Ep 1", "Talk Show", 600_000, "spotify:episode:0000000000000000000001"),
            Episode("2024-01-03T10:00:00Z", "Ep 2", "Talk Show", 1_200_000, "spotify:episode:0000000000000000000002"),
            Episode("2024-01-04T10:00:00Z", "Pilot", "Small Show", 300_000, "spotify:episode:0000000000000000000003"),
            Track("2024-01-05T10:00:00Z", "Song", "Band", 200_000, "spotify:track:0000000000000000000004"));
        using var db = new ImportedDatabase();
        db.Import(path);

        var spoken = db.Service<SpokenWordStats>().Get(ListeningPeriod.AllTime);

        Assert.Equal(65, spoken.PodcastMinutes);
        Assert.Equal(3, spoken.Episodes);
        Assert.Equal([new SpokenItem("Talk Show", 2, 3, 60), new SpokenItem("Small Show", 1, 1, 5)], spoken.Shows);
        Assert.Empty(spoken.Audiobooks);
    }

    [Fact]
    public async Task The_podcasts_page_lists_the_audiobooks_of_a_real_export()
    {
        await using var app = new TestApp();
        var summary = app.Services.GetRequiredService<ImportService>()
            .Import([RealExports.PathOf("acct-hobbies-w-erin-2024")], "test", new ImportProgress(), TestContext.Current.CancellationToken);
        Assert.Empty(summary.RejectedFiles);

        var html = await app.Client.GetStringAsync("/Podcasts", TestContext.Current.CancellationToken);

        Assert.Contains("How to Keep House While Drowning", html, StringComparison.Ordinal);
        Assert.Contains("Audiobooks", html, StringComparison.Ordinal);
    }
}
