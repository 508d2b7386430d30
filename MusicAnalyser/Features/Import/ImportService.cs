using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// Imports Spotify export files: this thread unzips, parses and resolves ids; <see cref="PlayWriter"/>
/// writes on another. Every entry ends up added, a duplicate, or skipped under a named reason; a bad file
/// is rejected with a message naming where, and the good files of the same import still land.
/// </summary>
public sealed class ImportService(SqliteDatabase database, IOptions<ImportOptions> options, TimeProvider time, ILogger<ImportService> logger)
{
    private const int BatchRows = 4096;

    /// <summary>What to tell a person whose import stopped part-way.</summary>
    public const string RerunAdvice = "The plays saved before it stopped are kept; run the same import again to finish (it adds only what is missing).";

    public ImportSummary Import(IReadOnlyList<string> paths, string origin, ImportProgress progress, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var importLock = ImportLock.Acquire(database.Path);
        using var inputs = ExportInputs.Find(paths, options.Value.MaxUncompressedBytes);
        progress.FilesTotal = inputs.Files.Count;
        progress.BytesTotal = inputs.Files.Sum(f => f.Length);

        var runId = StartRun(origin);
        var results = new List<ImportFileWork>();
        var rejected = new List<ImportRejection>(inputs.Rejected);

        ImportCatalog catalog;
        using (var read = database.Open())
        {
            catalog = ImportCatalog.Load(read, database.Open);
        }

        var pool = new ConcurrentBag<PlayRow[]>();
        var seen = new Dictionary<SameRow, int>();
        using (var writer = new PlayWriter(database, runId))
        {
            foreach (var source in inputs.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var file = new ImportFileWork(source.Name, source.Format);
                results.Add(file);
                progress.CurrentFile = source.Name;
                writer.BeginFile(file);
                try
                {
                    seen.Clear();
                    ReadFile(source, file, catalog, writer, pool, seen, progress, cancellationToken);
                    writer.EndFile(file);
                }
                catch (Exception e) when (e is ExportFileException or InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    var error = e is IOException or UnauthorizedAccessException ? $"could not be read: {e.Message}" : e.Message;
                    logger.LogWarning("Rejected {File}: {Error}", source.Name, error);
                    writer.AbortFile(file, error);
                    rejected.Add(new ImportRejection(source.Name, error));
                    // The writer rolled the file back: forget the ids the catalogue handed out for it.
                    using var read = database.Open();
                    catalog = ImportCatalog.Load(read, database.Open);
                }
                progress.Finished(source.Name, file.Error);
            }
            writer.Complete();
        }

        var imported = results.Where(r => r.Error is null).ToList();
        var skipped = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (reason, count) in imported.SelectMany(r => r.Skipped))
        {
            skipped[reason] = skipped.GetValueOrDefault(reason) + count;
        }
        var summary = new ImportSummary
        {
            Files = results.Count,
            Entries = imported.Sum(r => r.Entries),
            Added = imported.Sum(r => r.Added),
            Duplicates = imported.Sum(r => r.Duplicates),
            Replaced = imported.Sum(r => r.Replaced),
            Skipped = skipped,
            RejectedFiles = rejected,
            IgnoredFiles = inputs.Ignored,
            Seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
        };
        FinishRun(runId, summary);
        return summary;
    }

    private static void ReadFile(ExportSourceFile source, ImportFileWork file, ImportCatalog catalog, PlayWriter writer,
        ConcurrentBag<PlayRow[]> pool, Dictionary<SameRow, int> seen, ImportProgress progress, CancellationToken cancellationToken)
    {
        var reader = new ExportJsonReader(source.Format.Fields());
        var entry = new ParsedEntry();
        var rows = Rent(pool);
        var count = 0;
        long reported = 0;

        using var raw = source.Open();
        using var stream = new ProgressStream(raw, progress);
        file.Entries = reader.Read(stream, entry, e =>
        {
            ref var row = ref rows[count];
            if (catalog.Resolve(e, source.Format, ref row) is { } reason)
            {
                file.Skip(reason);
                return;
            }
            row.EndedAt = e.EndedAt;
            row.MsPlayed = e.MsPlayed;
            row.Shuffle = e.Shuffle;
            row.Skipped = e.Skipped;
            row.Offline = e.Offline;
            row.Incognito = e.Incognito;
            row.OfflineTimestamp = e.OfflineTimestamp;
            // Identical rows inside one file are separate plays (account data has many a minute): number them.
            var key = new SameRow(e.EndedAt, e.MsPlayed, row.Kind, row.TrackId, row.EpisodeId, row.ChapterId);
            ref var occurrences = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out _);
            row.Seq = occurrences++;
            file.SawPlayAt(e.EndedAt);

            if (++count == rows.Length)
            {
                writer.Add(new PlayWriter.PlayBatch(rows, count, catalog.TakeChanges(), pool.Add));
                rows = Rent(pool);
                count = 0;
                progress.AddEntries(BatchRows);
                reported += BatchRows;
            }
        }, cancellationToken);

        writer.Add(new PlayWriter.PlayBatch(rows, count, catalog.TakeChanges(), pool.Add));
        progress.AddEntries(file.Entries - reported);
    }

    private readonly record struct SameRow(long EndedAt, int MsPlayed, PlayKind Kind, int TrackId, int EpisodeId, int ChapterId);

    private static PlayRow[] Rent(ConcurrentBag<PlayRow[]> pool) => pool.TryTake(out var rows) ? rows : new PlayRow[BatchRows];

    // The run's record is written with plain SQL like the rest of the import: the command line never loads
    // EF Core (it would cost start-up time and memory for two rows).
    private int StartRun(string origin)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO ImportRuns (StartedAt, Origin, Files, Entries, Added, Duplicates) VALUES ($at, $origin, 0, 0, 0, 0) RETURNING Id";
        command.Parameters.AddWithValue("$at", time.GetUtcNow().UtcDateTime);
        command.Parameters.AddWithValue("$origin", origin);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void FinishRun(int runId, ImportSummary summary)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE ImportRuns SET FinishedAt = $at, Files = $files, Entries = $entries, Added = $added, Duplicates = $duplicates,
                SummaryJson = $summary WHERE Id = $id;
            PRAGMA optimize;
            """;
        command.Parameters.AddWithValue("$at", time.GetUtcNow().UtcDateTime);
        command.Parameters.AddWithValue("$files", summary.Files);
        command.Parameters.AddWithValue("$entries", summary.Entries);
        command.Parameters.AddWithValue("$added", summary.Added);
        command.Parameters.AddWithValue("$duplicates", summary.Duplicates);
        command.Parameters.AddWithValue("$summary", JsonSerializer.Serialize(summary, ImportJsonContext.Default.ImportSummary));
        command.Parameters.AddWithValue("$id", runId);
        command.ExecuteNonQuery();
    }

    /// <summary>Counts the bytes read for the progress bar.</summary>
    private sealed class ProgressStream(Stream inner, ImportProgress progress) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            progress.AddBytes(n);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
