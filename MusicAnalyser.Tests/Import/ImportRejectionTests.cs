using System.Text;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Tests.Infrastructure;
using static MusicAnalyser.Tests.Import.HandWrittenExport;

namespace MusicAnalyser.Tests.Import;

/// <summary>
/// A bad file is rejected with a message that says which file and where, leaves nothing behind, and does not
/// stop the good files given with it.
/// </summary>
public sealed class ImportRejectionTests : IDisposable
{
    private const string AudioFile = "Streaming_History_Audio_2024-2025_0.json";

    private readonly TempFolder _input = new("import-input");

    public void Dispose() => _input.Dispose();

    private static Task<string> Export() => GeneratedExports.GetAsync("--plays", "5000", "--zip");

    private static async Task<string> GeneratedAudioText() =>
        await File.ReadAllTextAsync(Path.Combine(await Export(), "Spotify Extended Streaming History", AudioFile), TestContext.Current.CancellationToken);

    /// <summary>The bad file next to a good one in one folder; imports the folder and checks the good file landed.</summary>
    private ImportRejection ImportBesideAGoodFile(ImportedDatabase db, string badName, byte[] badContent)
    {
        Write(_input.Combine("export", "Streaming_History_Audio_2010.json"), ThreePlaysOf2010);
        File.WriteAllBytes(_input.Combine("export", badName), badContent);

        var summary = db.Import(_input.Combine("export"));

        Assert.Equal(3, summary.Added);
        Assert.Equal(3, db.Plays);
        return Assert.Single(summary.RejectedFiles);
    }

    [Fact]
    public void Files_after_a_rejected_one_still_land_and_share_the_artists_and_tracks_of_the_files_before_it()
    {
        var folder = _input.Combine("sequence");
        Write(Path.Combine(folder, "Streaming_History_Audio_2010_0.json"), ThreePlaysOf2010);
        File.WriteAllText(Path.Combine(folder, "Streaming_History_Audio_2010_1.json"), "[{\"ts\": \"2010-06-01T10:00:00Z\", \"ms_played\": \"soon\"}]");
        // The same three plays a day later, plus one of a track met for the first time.
        Write(Path.Combine(folder, "Streaming_History_Audio_2010_2.json"),
            [.. ThreePlaysOf2010.Select(p => p.Replace("2010-", "2011-", StringComparison.Ordinal)),
             Track("2011-03-03T10:00:00Z", "Brand New", "Somebody New", 180000, "spotify:track:0000000000000000000new1")]);
        using var db = new ImportedDatabase();

        var summary = db.Import(folder);

        Assert.EndsWith("Streaming_History_Audio_2010_1.json", Assert.Single(summary.RejectedFiles).File, StringComparison.Ordinal);
        Assert.Equal(7, summary.Added);
        Assert.Equal(7, db.Plays);
        Assert.Equal(db.Scalar("SELECT COUNT(DISTINCT Name) FROM Artists"), db.Scalar("SELECT COUNT(*) FROM Artists"));
        Assert.Equal(4, db.Scalar("SELECT COUNT(*) FROM Tracks"));
    }

    [Fact]
    public async Task A_file_cut_off_in_the_middle_is_rejected_and_the_files_beside_it_still_land()
    {
        var text = Encoding.UTF8.GetBytes(await GeneratedAudioText());
        using var db = new ImportedDatabase();

        var rejection = ImportBesideAGoodFile(db, AudioFile, text[..(text.Length / 2)]);

        Assert.Equal($"export/{AudioFile}", rejection.File);
    }

    [Fact]
    public async Task A_file_cut_off_in_the_middle_is_rejected_as_truncated_at_the_entry_where_it_stops()
    {
        var text = await GeneratedAudioText();
        var half = text[..(text.Length / 2)];
        // The generator writes each entry's closing brace on a line of its own, indented by two spaces.
        var completeEntries = half.Split("\n  }").Length - 1;
        using var db = new ImportedDatabase();

        var rejection = ImportBesideAGoodFile(db, AudioFile, Encoding.UTF8.GetBytes(half));

        Assert.Equal($"export/{AudioFile}", rejection.File);
        Assert.Contains($"ends in the middle of entry {completeEntries + 1}", rejection.Error, StringComparison.Ordinal);
        Assert.Contains("truncated", rejection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_is_rejected_with_the_line_it_is_on()
    {
        var lines = (await GeneratedAudioText()).Split('\n');
        var bad = Enumerable.Range(lines.Length / 2, lines.Length / 2).First(i => lines[i].EndsWith(',') && lines[i].Contains("\"ms_played\"", StringComparison.Ordinal));
        lines[bad] = lines[bad][..^1] + ";";
        using var db = new ImportedDatabase();

        var rejection = ImportBesideAGoodFile(db, AudioFile, Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        Assert.Equal($"export/{AudioFile}", rejection.File);
        Assert.Contains($"invalid JSON at line {bad + 1},", rejection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_rejected_with_its_entry_number_and_field()
    {
        const int badEntry = 3000;
        var lines = (await GeneratedAudioText()).Split('\n');
        var msPlayedLines = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains("\"ms_played\":", StringComparison.Ordinal)).ToList();
        lines[msPlayedLines[badEntry - 1]] = """    "ms_played": "abc",""";
        using var db = new ImportedDatabase();

        var rejection = ImportBesideAGoodFile(db, AudioFile, Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        Assert.Equal($"export/{AudioFile}", rejection.File);
        Assert.StartsWith($"entry {badEntry} ", rejection.Error, StringComparison.Ordinal);
        Assert.Contains("\"ms_played\" should be a number, found a string", rejection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_data_under_an_extended_history_name_is_rejected_as_not_extended_history()
    {
        var accountData = await File.ReadAllBytesAsync(Path.Combine(await Export(), "MyData", "StreamingHistory_music_0.json"), TestContext.Current.CancellationToken);
        using var db = new ImportedDatabase();

        var rejection = ImportBesideAGoodFile(db, "Streaming_History_Audio_2020.json", accountData);

        Assert.Equal("export/Streaming_History_Audio_2020.json", rejection.File);
        Assert.Contains("not Extended streaming history", rejection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_cut_short_is_rejected_as_not_a_complete_archive()
    {
        var zip = await File.ReadAllBytesAsync(Path.Combine(await Export(), GeneratedExports.ZipFileName), TestContext.Current.CancellationToken);
        var cut = _input.Combine(GeneratedExports.ZipFileName);
        await File.WriteAllBytesAsync(cut, zip[..(zip.Length / 2)], TestContext.Current.CancellationToken);
        var good = Write(_input.Combine("good", "Streaming_History_Audio_2010.json"), ThreePlaysOf2010);
        using var db = new ImportedDatabase();

        var summary = db.Import(cut, good);

        var rejection = Assert.Single(summary.RejectedFiles);
        Assert.Equal(GeneratedExports.ZipFileName, rejection.File);
        Assert.Contains("not a complete zip archive", rejection.Error, StringComparison.Ordinal);
        Assert.Equal(3, summary.Added);
        Assert.Equal(3, db.Plays);
    }

    [Fact]
    public async Task A_file_rejected_at_its_last_entry_leaves_nothing_behind_and_lands_whole_once_fixed()
    {
        var good = await GeneratedAudioText();
        var lastMsPlayed = good.LastIndexOf("\"ms_played\":", StringComparison.Ordinal);
        var endOfLine = good.IndexOf(',', lastMsPlayed);
        var bad = string.Concat(good.AsSpan(0, lastMsPlayed), "\"ms_played\": \"abc\"", good.AsSpan(endOfLine));
        var file = _input.Combine(AudioFile);
        await File.WriteAllTextAsync(file, bad, TestContext.Current.CancellationToken);
        using var db = new ImportedDatabase();

        var rejected = db.Import(file);

        Assert.StartsWith("entry 5000 ", Assert.Single(rejected.RejectedFiles).Error, StringComparison.Ordinal);
        Assert.Equal(0, rejected.Added);
        Assert.Equal(0, db.Plays);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Tracks"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Artists"));

        await File.WriteAllTextAsync(file, good, TestContext.Current.CancellationToken);
        var fixedUp = db.Import(file);

        Assert.Empty(fixedUp.RejectedFiles);
        Assert.Equal(5000, fixedUp.Entries);
        Assert.Equal(fixedUp.Entries - fixedUp.Skipped.Values.Sum(), fixedUp.Added);
        Assert.Equal(fixedUp.Added, db.Plays);
    }

    [Fact]
    public async Task A_zip_that_would_expand_past_the_configured_limit_is_refused()
    {
        var zip = Path.Combine(await Export(), GeneratedExports.ZipFileName);
        using var db = new ImportedDatabase(new Dictionary<string, string?> { [ImportedDatabase.MaxUncompressedBytesKey] = (1 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var summary = db.Import(zip);

        var rejection = Assert.Single(summary.RejectedFiles);
        Assert.Equal(GeneratedExports.ZipFileName, rejection.File);
        Assert.Contains("past the 1 MB limit", rejection.Error, StringComparison.Ordinal);
        Assert.Equal(0, db.Plays);
    }

    [Fact]
    public void A_zip_entry_named_with_a_path_outside_the_folder_is_read_in_place_and_nothing_is_written_there()
    {
        const string hostile = "../../escape/Streaming_History_Audio_2010.json";
        var zip = Zip(_input.Combine("zips", "my_spotify_data.zip"), (hostile, Utf8(Array(ThreePlaysOf2010))));
        using var db = new ImportedDatabase();

        var summary = db.Import(zip);

        Assert.Empty(summary.RejectedFiles);
        Assert.Equal(3, summary.Added);
        string[] escapes =
        [
            Path.GetFullPath(Path.Combine(db.DataFolder, "..", "..", "escape")),
            Path.GetFullPath(Path.Combine(db.DataFolder, "..", "escape")),
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(zip)!, "..", "..", "escape")),
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(zip)!, "..", "escape")),
            Path.Combine(Path.GetTempPath(), "escape"),
        ];
        Assert.All(escapes, escape => Assert.False(Directory.Exists(escape), $"the import created {escape}"));
    }
}
