using System.Text.Json;
using MusicAnalyser.Tests.Infrastructure;

namespace MusicAnalyser.Tests.Import;

/// <summary>Every real export kept in shared/real-exports imports whole, and every entry of it is accounted for.</summary>
public sealed class RealExportTests
{
    public static TheoryData<string> RealExportFolders =>
        new(Directory.GetDirectories(RealExports.Folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RealExportFolders))]
    public void A_real_export_imports_with_every_entry_added_a_duplicate_or_skipped_for_a_reason(string folder)
    {
        using var db = new ImportedDatabase();
        var path = RealExports.PathOf(folder);

        var summary = db.Import(path);

        Assert.Empty(summary.RejectedFiles);
        Assert.Equal(EntriesIn(path), summary.Entries);
        Assert.Equal(summary.Entries, summary.Added + summary.Duplicates + summary.Skipped.Values.Sum());
        Assert.Equal(summary.Added, db.Plays);
    }

    [Theory]
    [MemberData(nameof(RealExportFolders))]
    public void Importing_a_real_export_again_adds_nothing(string folder)
    {
        using var db = new ImportedDatabase();
        var path = RealExports.PathOf(folder);
        var first = db.Import(path);

        var again = db.Import(path);

        Assert.Empty(again.RejectedFiles);
        Assert.Equal(0, again.Added);
        Assert.Equal(first.Added, again.Duplicates);
        Assert.Equal(first.Added, db.Plays);
    }

    [Fact]
    public void A_legacy_endsong_export_stores_every_music_entry_as_a_music_play()
    {
        using var db = new ImportedDatabase();
        var path = RealExports.PathOf("ext-erickmay-endsong");
        var file = Directory.GetFiles(path, "endsong_*.json", SearchOption.AllDirectories).Single();
        using var stream = File.OpenRead(file);
        using var json = JsonDocument.Parse(stream);
        var musicEntries = json.RootElement.EnumerateArray().Count(e =>
            e.GetProperty("spotify_track_uri").ValueKind == JsonValueKind.String
            || e.GetProperty("master_metadata_track_name").ValueKind == JsonValueKind.String);
        var firstTrack = json.RootElement.EnumerateArray()
            .Select(e => e.GetProperty("master_metadata_track_name"))
            .First(n => n.ValueKind == JsonValueKind.String).GetString();

        var summary = db.Import(path);

        Assert.Empty(summary.RejectedFiles);
        Assert.Equal(json.RootElement.GetArrayLength(), summary.Entries);
        Assert.Equal(musicEntries, db.Scalar("SELECT COUNT(*) FROM Plays WHERE Kind = 1"));
        Assert.Contains(firstTrack, db.Strings("SELECT Name FROM Tracks"));
    }

    /// <summary>Counted here with a JSON document, independently of the importer's streaming reader.</summary>
    private static long EntriesIn(string folder) =>
        Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .Sum(file =>
            {
                using var stream = File.OpenRead(file);
                using var json = JsonDocument.Parse(stream);
                return (long)json.RootElement.GetArrayLength();
            });
}
