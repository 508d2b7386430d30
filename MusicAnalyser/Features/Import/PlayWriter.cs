using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// The import's single SQLite writer, on its own thread so parsing and writing overlap. Each file is a
/// savepoint inside a transaction that is committed at a file boundary every ~200k plays: a bad file is
/// rolled back alone, a crash or kill leaves no half file, and re-running completes the import (inserts are
/// INSERT OR IGNORE against the play identity index). Fewer, larger commits write each index page once
/// instead of once per file.
/// Plays go through SQLite's C API directly: a prepared 64-row statement bound without boxing is several
/// times faster than ADO.NET parameters, and this is the path a million-play import spends its time on.
/// </summary>
internal sealed class PlayWriter : IDisposable
{
    public const int RowsPerStatement = 64;
    private const int Columns = 18;
    private const long RowsPerCommit = 200_000;

    private readonly SqliteConnection _connection;
    // A few batches in flight keep both threads busy; more would only hold memory.
    private readonly BlockingCollection<Work> _queue = new(boundedCapacity: 4);
    private readonly Thread _thread;
    private readonly int _importRunId;
    private readonly CatalogWriter _catalog;
    private readonly AccountDataReconciler _reconciler;
    private RawStatement? _insertMany, _insertOne;
    private SqliteTransaction? _transaction;
    private ImportFileWork? _file;
    private long _fileId, _rowsSinceCommit;
    private volatile Exception? _failure;

    public PlayWriter(SqliteDatabase database, int importRunId)
    {
        _importRunId = importRunId;
        _connection = database.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            // References are guaranteed by the catalogue; checking six foreign keys per play would double the cost.
            // 8 MB of page cache holds the hot top of the identity index; more buys no speed, only memory.
            pragmas.CommandText = "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -8192;";
            pragmas.ExecuteNonQuery();
        }
        _catalog = new CatalogWriter(_connection);
        _reconciler = new AccountDataReconciler(_connection);
        _thread = new Thread(Run) { Name = "import-writer", IsBackground = true };
        _thread.Start();
    }

    public sealed record PlayBatch(PlayRow[] Rows, int Count, CatalogChanges? Changes, Action<PlayRow[]> Release);

    private abstract record Work;
    private sealed record Begin(ImportFileWork File) : Work;
    private sealed record Write(PlayBatch Batch) : Work;
    private sealed record End(ImportFileWork File) : Work;
    private sealed record Abort(ImportFileWork File, string Error) : Work;

    public void BeginFile(ImportFileWork file) => Enqueue(new Begin(file));

    public void Add(PlayBatch batch) => Enqueue(new Write(batch));

    /// <summary>Completes the file; its counts are final once <see cref="Complete"/> returns.</summary>
    public void EndFile(ImportFileWork file) => Enqueue(new End(file));

    /// <summary>Rolls the file back and records why; returns once that is done.</summary>
    public void AbortFile(ImportFileWork file, string error)
    {
        Enqueue(new Abort(file, error));
        file.Done.Task.Wait();
        ThrowIfFailed();
    }

    private void Enqueue(Work work)
    {
        ThrowIfFailed();
        _queue.Add(work);
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new InvalidOperationException($"Writing to the database failed: {_failure.Message}", _failure);
        }
    }

    private void Run()
    {
        foreach (var work in _queue.GetConsumingEnumerable())
        {
            try
            {
                if (_failure is null)
                {
                    Handle(work);
                }
            }
#pragma warning disable CA1031 // the failure is handed to the reading thread, which reports it
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failure = e;
                try
                {
                    _transaction?.Rollback();
                }
                catch (SqliteException)
                {
                    // The connection is already unusable; the failure above is what gets reported.
                }
                _transaction = null;
            }
            finally
            {
                switch (work)
                {
                    case Abort abort: abort.File.Done.TrySetResult(); break;
                    case Write write: write.Batch.Release(write.Batch.Rows); break;
                }
            }
        }
    }

    private void Handle(Work work)
    {
        switch (work)
        {
            case Begin begin:
                _file = begin.File;
                _transaction ??= _connection.BeginTransaction();
                Execute("SAVEPOINT import_file");
                _fileId = Scalar("INSERT INTO ImportFiles (ImportRunId, Name, Format, Entries, Added, Duplicates, Replaced) VALUES ($run, $name, $format, 0, 0, 0, 0) RETURNING Id",
                    ("$run", _importRunId), ("$name", begin.File.Name), ("$format", begin.File.Format.ToString()));
                if (begin.File.Format.IsExtended())
                {
                    _reconciler.Forget();
                }
                break;
            case Write write:
                if (write.Batch.Changes is { } changes)
                {
                    _catalog.Insert(changes);
                }
                var count = write.Batch.Count;
                if (!_file!.Format.IsExtended())
                {
                    _file.DuplicatesOfExtended += _reconciler.RemoveKnownPlays(_transaction!, write.Batch.Rows, ref count);
                }
                var inserted = InsertPlays(write.Batch.Rows, count);
                _file.Added += inserted;
                _file.Duplicates += count - inserted;
                _rowsSinceCommit += write.Batch.Count;
                break;
            case End end:
                Finish(end.File);
                break;
            case Abort abort:
                Execute("ROLLBACK TO import_file; RELEASE import_file");
                _reconciler.Reset();
                abort.File.Error = abort.Error;
                Scalar("INSERT INTO ImportFiles (ImportRunId, Name, Format, Entries, Added, Duplicates, Replaced, Error) VALUES ($run, $name, $format, 0, 0, 0, 0, $error) RETURNING Id",
                    ("$run", _importRunId), ("$name", abort.File.Name), ("$format", abort.File.Format.ToString()), ("$error", abort.Error));
                // The catalogue now reloads itself on a connection of its own: it must see the files before
                // this one, so they are committed here rather than at the next 200k-row boundary.
                Commit();
                break;
        }
    }

    private void Finish(ImportFileWork file)
    {
        file.Skip(AccountDataReconciler.SkipReason, file.DuplicatesOfExtended);
        if (file.Format.IsExtended() && file.FirstPlayAt <= file.LastPlayAt)
        {
            file.Replaced = _reconciler.ReplaceAccountCopies(_transaction!, file, _fileId)
                + CapturedPlayReconciler.ReplaceCapturedCopies(_connection, _transaction!, file, _fileId);
        }
        using (var update = Command("""
                UPDATE ImportFiles SET Entries = $entries, Added = $added, Duplicates = $duplicates, Replaced = $replaced,
                    SkippedJson = $skipped, FirstPlayAt = $first, LastPlayAt = $last WHERE Id = $id
                """))
        {
            update.Parameters.AddWithValue("$entries", file.Entries);
            update.Parameters.AddWithValue("$added", file.Added);
            update.Parameters.AddWithValue("$duplicates", file.Duplicates);
            update.Parameters.AddWithValue("$replaced", file.Replaced);
            update.Parameters.AddWithValue("$skipped", file.Skipped.Count == 0 ? DBNull.Value : System.Text.Json.JsonSerializer.Serialize(file.Skipped));
            update.Parameters.AddWithValue("$first", file.FirstPlayAt <= file.LastPlayAt ? file.FirstPlayAt : DBNull.Value);
            update.Parameters.AddWithValue("$last", file.FirstPlayAt <= file.LastPlayAt ? file.LastPlayAt : DBNull.Value);
            update.Parameters.AddWithValue("$id", _fileId);
            update.ExecuteNonQuery();
        }
        Execute("RELEASE import_file");
        if (_rowsSinceCommit >= RowsPerCommit)
        {
            Commit();
        }
    }

    private void Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _rowsSinceCommit = 0;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }

    private long InsertPlays(PlayRow[] rows, int count)
    {
        _insertMany ??= new RawStatement(_connection, InsertSql(RowsPerStatement));
        _insertOne ??= new RawStatement(_connection, InsertSql(1));
        var source = (long)_file!.Format.Source();
        long inserted = 0;
        var i = 0;
        for (; i + RowsPerStatement <= count; i += RowsPerStatement)
        {
            for (var r = 0; r < RowsPerStatement; r++)
            {
                Bind(_insertMany, r * Columns, rows[i + r], source);
            }
            inserted += _insertMany.Execute();
        }
        for (; i < count; i++)
        {
            Bind(_insertOne, 0, rows[i], source);
            inserted += _insertOne.Execute();
        }
        return inserted;
    }

    private static string InsertSql(int rows) =>
        "INSERT OR IGNORE INTO Plays (Kind, Source, TrackId, EpisodeId, ChapterId, EndedAt, MsPlayed, Seq, ReasonStartId, ReasonEndId, " +
        "PlatformId, CountryId, Shuffle, Skipped, Offline, OfflineTimestamp, IncognitoMode, ImportFileId) VALUES " +
        string.Join(",", Enumerable.Repeat("(" + string.Join(",", Enumerable.Repeat("?", Columns)) + ")", rows));

    private void Bind(RawStatement s, int offset, in PlayRow row, long source)
    {
        var p = offset + 1;
        s.Bind(p++, (long)row.Kind);
        s.Bind(p++, source);
        s.BindId(p++, row.TrackId);
        s.BindId(p++, row.EpisodeId);
        s.BindId(p++, row.ChapterId);
        s.Bind(p++, row.EndedAt);
        s.Bind(p++, row.MsPlayed);
        s.Bind(p++, row.Seq);
        s.BindId(p++, row.ReasonStartId);
        s.BindId(p++, row.ReasonEndId);
        s.BindId(p++, row.PlatformId);
        s.BindId(p++, row.CountryId);
        s.BindFlag(p++, row.Shuffle);
        s.BindFlag(p++, row.Skipped);
        s.BindFlag(p++, row.Offline);
        s.BindId(p++, row.OfflineTimestamp);
        s.BindFlag(p++, row.Incognito);
        s.Bind(p, _fileId);
    }

    /// <summary>Waits for everything queued to be written; rethrows a write failure.</summary>
    public void Complete()
    {
        _queue.CompleteAdding();
        _thread.Join();
        ThrowIfFailed();
        Commit();
    }

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            _thread.Join();
        }
        _transaction?.Dispose();
        _catalog.Dispose();
        _insertMany?.Dispose();
        _insertOne?.Dispose();
        _connection.Dispose();
        _queue.Dispose();
    }
}
