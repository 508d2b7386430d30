using System.Globalization;
using System.Text;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Tests.Infrastructure;
using static MusicAnalyser.Tests.Import.HandWrittenExport;

namespace MusicAnalyser.Tests.Import;

/// <summary>Exports split, ordered and sized in ways a simple importer gets wrong, and imports that meet each other.</summary>
public sealed class ImportEdgeCaseTests : IDisposable
{
    private readonly TempFolder _input = new("import-edges");

    public void Dispose() => _input.Dispose();

    /// <summary>Music plays of a day at 10:00 + n minutes, each a distinct track of one artist.</summary>
    private static (string[] Extended, string[] Account) SameListening(int plays)
    {
        var extended = new string[plays];
        var account = new string[plays];
        for (var i = 0; i < plays; i++)
        {
            var end = new DateTime(2024, 5, 1, 10, 0, 30, DateTimeKind.Utc).AddMinutes(i * 3);
            var ms = 100_000 + i;
            extended[i] = Track(end.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), $"Song {i}", "The Band", ms, $"spotify:track:{i.ToString("D22", CultureInfo.InvariantCulture)}");
            account[i] = AccountTrack(end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), "The Band", $"Song {i}", ms);
        }
        return (extended, account);
    }

    [Fact]
    public void Account_data_split_into_many_files_out_of_time_order_is_still_counted_once()
    {
        var (extended, account) = SameListening(1200);
        var folder = _input.Combine("split");
        Write(Path.Combine(folder, "Streaming_History_Audio_2024.json"), extended);
        // Twelve files of 100 plays, each a stretch of time, numbered so that reading them in order jumps
        // back and forth in time (file 1 holds the last stretch, file 2 the sixth ...), entries newest first.
        for (var file = 0; file < 12; file++)
        {
            var stretch = file * 5 % 12;
            Write(Path.Combine(folder, $"StreamingHistory_music_{file}.json"), [.. account.Skip(stretch * 100).Take(100).Reverse()]);
        }
        using var db = new ImportedDatabase();

        var summary = db.Import(folder);

        Assert.Empty(summary.RejectedFiles);
        Assert.Equal(1200, summary.Added);
        Assert.Equal(1200, summary.Skipped[AccountDataReconciler.SkipReason]);
        Assert.Equal(1200, db.Plays);
    }

    [Fact]
    public void Importing_again_adds_nothing_when_account_data_has_more_copies_of_a_play_than_extended_history()
    {
        var folder = _input.Combine("copies");
        Write(Path.Combine(folder, "Streaming_History_Audio_2024.json"), Track("2024-05-01T10:00:30Z", "Song", "The Band", 100_000, "spotify:track:0000000000000000000001"));
        Write(Path.Combine(folder, "StreamingHistory_music_0.json"),
            AccountTrack("2024-05-01 10:00", "The Band", "Song", 100_000), AccountTrack("2024-05-01 10:00", "The Band", "Song", 100_000));
        using var db = new ImportedDatabase();
        var first = db.Import(folder);

        var again = db.Import(folder);

        Assert.Equal(2, first.Added);
        Assert.Equal(0, again.Added);
        Assert.Equal(0, again.Replaced);
        Assert.Equal(2, db.Plays);
    }

    [Fact]
    public void Extended_history_imported_after_account_data_replaces_each_copy_once_and_again_changes_nothing()
    {
        var (extended, account) = SameListening(300);
        var accountFolder = _input.Combine("first-account");
        var extendedFolder = _input.Combine("then-extended");
        Write(Path.Combine(accountFolder, "StreamingHistory_music_0.json"), account);
        Write(Path.Combine(extendedFolder, "Streaming_History_Audio_2024.json"), extended);
        using var db = new ImportedDatabase();
        db.Import(accountFolder);

        var replacing = db.Import(extendedFolder);
        var again = db.Import(extendedFolder);
        var accountAgain = db.Import(accountFolder);

        Assert.Equal(300, replacing.Replaced);
        Assert.Equal((0L, 0L), (again.Added, again.Replaced));
        Assert.Equal(0, accountAgain.Added);
        Assert.Equal(300, db.Plays);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM Plays WHERE Source = 2"));
    }

    [Fact]
    public void A_rejected_account_data_file_does_not_disturb_the_matching_of_a_good_copy_after_it()
    {
        var (extended, account) = SameListening(5000);
        var folder = _input.Combine("bad-then-good");
        Write(Path.Combine(folder, "Streaming_History_Audio_2024.json"), extended);
        // The bad copy fails at its last entry, after more than one batch of rows has gone to the database.
        Write(Path.Combine(folder, "StreamingHistory_music_0.json"), [.. account, """{ "endTime" : "2024-06-01 10:00", "artistName" : "X", "trackName" : "Y", "msPlayed" : "soon" }"""]);
        Write(Path.Combine(folder, "StreamingHistory_music_1.json"), account);
        using var db = new ImportedDatabase();

        var summary = db.Import(folder);

        Assert.EndsWith("StreamingHistory_music_0.json", Assert.Single(summary.RejectedFiles).File, StringComparison.Ordinal);
        Assert.Equal(5000, summary.Skipped[AccountDataReconciler.SkipReason]);
        Assert.Equal(5000, db.Plays);
    }

    [Fact]
    public void An_entry_larger_than_the_read_buffer_is_read_whole()
    {
        var longName = new string('x', 300_000);
        var path = Write(_input.Combine("big", "Streaming_History_Audio_2024.json"),
            Track("2024-05-01T10:00:00Z", longName, "Long Names", 200_000, "spotify:track:0000000000000000000001"),
            Track("2024-05-01T10:05:00Z", "Short", "Long Names", 200_000, "spotify:track:0000000000000000000002"));
        using var db = new ImportedDatabase();

        var summary = db.Import(path);

        Assert.Empty(summary.RejectedFiles);
        Assert.Equal(2, summary.Added);
        Assert.Equal(300_000, db.Scalar("SELECT MAX(LENGTH(Name)) FROM Tracks"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_file_whose_closing_bracket_falls_on_the_edge_of_the_read_buffer_is_read_whole(int after)
    {
        // The reader's first buffer holds 256 KB: pad the file so that its "]" is the last byte of it, or just past.
        const int buffer = 256 * 1024;
        var entries = new List<string>();
        var text = "";
        for (var i = 0; Encoding.UTF8.GetByteCount(text) < buffer - 2000; i++)
        {
            entries.Add(Track($"2024-05-01T{10 + i / 60:D2}:{i % 60:D2}:00Z", $"Song {i}", "Edge", 200_000, $"spotify:track:{i.ToString("D22", CultureInfo.InvariantCulture)}"));
            text = Array([.. entries]).TrimEnd();
        }
        var padding = buffer - after - Encoding.UTF8.GetByteCount(text);
        var path = _input.Combine("edge", "Streaming_History_Audio_2024.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text[..^1] + new string(' ', padding) + "]", new UTF8Encoding(false));
        using var db = new ImportedDatabase();

        var summary = db.Import(path);

        Assert.Equal(buffer - after, new FileInfo(path).Length);
        Assert.Empty(summary.RejectedFiles);
        Assert.Equal(entries.Count, summary.Added);
    }

    [Fact]
    public void An_escaped_name_holding_invalid_utf8_rejects_its_file_with_the_entry_and_the_next_file_still_lands()
    {
        var folder = _input.Combine("invalid-utf8");
        Directory.CreateDirectory(folder);
        var bad = Utf8("[{\"ts\":\"2024-05-01T10:00:00Z\",\"ms_played\":1000,\"master_metadata_track_name\":\"a\\n")
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Utf8("\",\"master_metadata_album_artist_name\":\"B\",\"spotify_track_uri\":null}]")).ToArray();
        File.WriteAllBytes(Path.Combine(folder, "Streaming_History_Audio_2024_0.json"), bad);
        Write(Path.Combine(folder, "Streaming_History_Audio_2024_1.json"), ThreePlaysOf2010);
        using var db = new ImportedDatabase();

        var summary = db.Import(folder);

        var rejected = Assert.Single(summary.RejectedFiles);
        Assert.EndsWith("Streaming_History_Audio_2024_0.json", rejected.File, StringComparison.Ordinal);
        Assert.StartsWith("entry 1 ", rejected.Error, StringComparison.Ordinal);
        Assert.Equal(3, summary.Added);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void An_empty_file_is_rejected_as_empty(string content)
    {
        var path = _input.Combine("empty", "Streaming_History_Audio_2024.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        using var db = new ImportedDatabase();

        var summary = db.Import(path);

        Assert.Equal("the file is empty or is not a JSON array of entries", Assert.Single(summary.RejectedFiles).Error);
    }

    [Fact]
    public void A_second_import_on_the_same_database_while_one_runs_is_refused_with_a_message()
    {
        var path = Write(_input.Combine("busy", "Streaming_History_Audio_2010.json"), ThreePlaysOf2010);
        using var db = new ImportedDatabase();
        using var running = new FileStream(Path.Combine(db.DataFolder, "musicanalyser.db.import-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var refused = Assert.Throws<ImportBusyException>(() => db.Import(path));

        Assert.Contains("Another import is running", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, db.Plays);
    }
}
