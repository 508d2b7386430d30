using MusicAnalyser.Features.Import;
using MusicAnalyser.Tests.Import;
using MusicAnalyser.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static MusicAnalyser.Tests.Import.HandWrittenExport;

namespace MusicAnalyser.Tests.Export;

public sealed class ExportTests : IDisposable
{
    private readonly TempFolder _input = new("export");

    public void Dispose() => _input.Dispose();

    private TestApp AppWithPlays()
    {
        var app = new TestApp(new Dictionary<string, string?> { ["MusicAnalyser:TimeZone"] = "UTC" });
        var path = Write(_input.Combine("in", "Streaming_History_Audio_2024.json"),
            Track("2024-01-05T10:00:00Z", "Hello, World", "Quote \"Band\"", 200_000, "spotify:track:0000000000000000000001"),
            Track("2024-02-05T10:00:00Z", "Second", "Band", 100_000, "spotify:track:0000000000000000000002"),
            Episode("2024-02-06T10:00:00Z", "Episode 1", "A Show", 900_000, "spotify:episode:0000000000000000000009"),
            Track("2025-01-01T10:00:00Z", "Next year", "Band", 100_000, "spotify:track:0000000000000000000003"));
        Assert.Equal(4, app.Services.GetRequiredService<ImportService>().Import([path], "test", new ImportProgress(), TestContext.Current.CancellationToken).Added);
        return app;
    }

    [Fact]
    public async Task A_periods_plays_download_as_csv_with_commas_and_quotes_kept_intact()
    {
        await using var app = AppWithPlays();

        using var response = await app.Client.GetAsync("/Export?from=2024-01-01&to=2024-12-31&format=csv", TestContext.Current.CancellationToken);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("musicanalyser-plays-2024-01-01-to-2024-12-31.csv", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("ts,ms_played,kind,master_metadata_track_name,", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("2024-01-05T10:00:00Z,200000,music,\"Hello, World\",\"Quote \"\"Band\"\"\",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",podcast,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_export_imports_again_as_extended_history_with_the_same_plays()
    {
        await using var app = AppWithPlays();
        using var response = await app.Client.GetAsync("/Export?format=json", TestContext.Current.CancellationToken);
        var exported = _input.Combine("out", "Streaming_History_Audio_export.json");
        Directory.CreateDirectory(Path.GetDirectoryName(exported)!);
        await File.WriteAllBytesAsync(exported, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        using var elsewhere = new ImportedDatabase();

        var summary = elsewhere.Import(exported);

        Assert.Empty(summary.RejectedFiles);
        Assert.Equal(4, summary.Added);
        Assert.Equal(["Hello, World", "Next year", "Second"], elsewhere.Strings("SELECT Name FROM Tracks ORDER BY Name"));
        Assert.Equal(1, elsewhere.Scalar("SELECT COUNT(*) FROM Plays WHERE Kind = 2"));
    }
}
