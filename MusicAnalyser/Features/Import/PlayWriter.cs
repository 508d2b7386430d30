using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using MusicAnalyser.Data;
using SQLitePCL;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// The import's single SQLite writer, on its own thread so parsing and writing overlap. Each file is one
/// transaction: a crash or a bad entry leaves no half file, and re-running completes it (inserts are
/// INSERT OR IGNORE against the play identity index).
/// Plays go through SQLite's C API directly: a prepared 64-row statement bound without boxing is several
/// times faster than ADO.NET parameters, and this is the path a million-play import spends its time on.
/// </summary>
internal sealed class PlayWriter : IDisposable
{
    public const int RowsPerStatement = 64;
    private const int Columns = 18;

    private readonly SqliteConnection _connection;
    private readonly BlockingCollection<Work> _queue = new(boundedCapacity: 16);
    private readonly Thread _thread;
    private readonly int _importRunId;
    private readonly Action<long> _onStored;
    private sqlite3_stmt? _insertMany, _insertOne;
    private SqliteTransaction? _transaction;
    private ImportFileWork? _file;
    private long _fileId, _firstNewPlayId;
    private Exception? _failure;

    public PlayWriter(SqliteDatabase database, int importRunId, Action<long> onStored)
    {
        _importRunId = importRunId;
        _onStored = onStored;
        _connection = database.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            // References are guaranteed by the catalogue; checking six foreign keys per play would double the cost.
            pragmas.CommandText = "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;";
            pragmas.ExecuteNonQuery();
        }
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

    /// <summary>Commits the file; returns once it is durable so its counts are final.</summary>
    public void EndFile(ImportFileWork file)
    {
        Enqueue(new End(file));
        file.Done.Task.Wait();
        ThrowIfFailed();
    }

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
                    case End end: end.File.Done.TrySetResult(); break;
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
                _transaction = _connection.BeginTransaction();
                _fileId = Scalar("INSERT INTO ImportFiles (ImportRunId, Name, Format, Entries, Added, Duplicates, Replaced) VALUES ($run, $name, $format, 0, 0, 0, 0) RETURNING Id",
                    ("$run", _importRunId), ("$name", begin.File.Name), ("$format", begin.File.Format.ToString()));
                _firstNewPlayId = Scalar("SELECT IFNULL(MAX(Id), 0) + 1 FROM Plays");
                break;
            case Write write:
                if (write.Batch.Changes is { } changes)
                {
                    CatalogWriter.Insert(_connection, _transaction, changes);
                }
                var inserted = InsertPlays(write.Batch.Rows, write.Batch.Count);
                _file!.Added += inserted;
                _file.Duplicates += write.Batch.Count - inserted;
                _onStored(write.Batch.Count);
                break;
            case End end:
                Finish(end.File);
                break;
            case Abort abort:
                _transaction?.Rollback();
                _transaction = null;
                abort.File.Error = abort.Error;
                Scalar("INSERT INTO ImportFiles (ImportRunId, Name, Format, Entries, Added, Duplicates, Replaced, Error) VALUES ($run, $name, $format, 0, 0, 0, 0, $error) RETURNING Id",
                    ("$run", _importRunId), ("$name", abort.File.Name), ("$format", abort.File.Format.ToString()), ("$error", abort.Error));
                break;
        }
    }

    private void Finish(ImportFileWork file)
    {
        if (file.FirstPlayAt <= file.LastPlayAt)
        {
            var reconciled = AccountDataReconciler.Reconcile(_connection, _transaction!, file, _firstNewPlayId);
            file.Added -= reconciled.FromThisFile;
            file.Skip(AccountDataReconciler.SkipReason, reconciled.FromThisFile);
            file.Replaced = reconciled.Replaced;
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
        _transaction!.Commit();
        _transaction = null;
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
        var db = _connection.Handle!;
        _insertMany ??= Prepare(db, RowsPerStatement);
        _insertOne ??= Prepare(db, 1);
        var source = (long)_file!.Format.Source();
        long inserted = 0;
        var i = 0;
        for (; i + RowsPerStatement <= count; i += RowsPerStatement)
        {
            for (var r = 0; r < RowsPerStatement; r++)
            {
                Bind(_insertMany, r * Columns, rows[i + r], source);
            }
            inserted += Step(db, _insertMany);
        }
        for (; i < count; i++)
        {
            Bind(_insertOne, 0, rows[i], source);
            inserted += Step(db, _insertOne);
        }
        return inserted;
    }

    private static sqlite3_stmt Prepare(sqlite3 db, int rows)
    {
        var values = string.Join(",", Enumerable.Repeat("(" + string.Join(",", Enumerable.Repeat("?", Columns)) + ")", rows));
        var sql = "INSERT OR IGNORE INTO Plays (Kind, Source, TrackId, EpisodeId, ChapterId, EndedAt, MsPlayed, Seq, ReasonStartId, ReasonEndId, " +
                  "PlatformId, CountryId, Shuffle, Skipped, Offline, OfflineTimestamp, IncognitoMode, ImportFileId) VALUES " + values;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return statement;
    }

    private void Bind(sqlite3_stmt s, int offset, in PlayRow row, long source)
    {
        var p = offset + 1;
        raw.sqlite3_bind_int64(s, p++, (long)row.Kind);
        raw.sqlite3_bind_int64(s, p++, source);
        BindId(s, p++, row.TrackId);
        BindId(s, p++, row.EpisodeId);
        BindId(s, p++, row.ChapterId);
        raw.sqlite3_bind_int64(s, p++, row.EndedAt);
        raw.sqlite3_bind_int64(s, p++, row.MsPlayed);
        raw.sqlite3_bind_int64(s, p++, row.Seq);
        BindId(s, p++, row.ReasonStartId);
        BindId(s, p++, row.ReasonEndId);
        BindId(s, p++, row.PlatformId);
        BindId(s, p++, row.CountryId);
        BindFlag(s, p++, row.Shuffle);
        BindFlag(s, p++, row.Skipped);
        BindFlag(s, p++, row.Offline);
        BindId(s, p++, row.OfflineTimestamp);
        BindFlag(s, p++, row.Incognito);
        raw.sqlite3_bind_int64(s, p, _fileId);
    }

    private static void BindId(sqlite3_stmt s, int index, long id)
    {
        if (id == 0)
        {
            raw.sqlite3_bind_null(s, index);
        }
        else
        {
            raw.sqlite3_bind_int64(s, index, id);
        }
    }

    private static void BindFlag(sqlite3_stmt s, int index, sbyte flag)
    {
        if (flag < 0)
        {
            raw.sqlite3_bind_null(s, index);
        }
        else
        {
            raw.sqlite3_bind_int64(s, index, flag);
        }
    }

    private static int Step(sqlite3 db, sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(db, rc);
        }
        return raw.sqlite3_changes(db);
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }

    /// <summary>Waits for everything queued to be written; rethrows a write failure.</summary>
    public void Complete()
    {
        _queue.CompleteAdding();
        _thread.Join();
        ThrowIfFailed();
    }

    public void Dispose()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
            _thread.Join();
        }
        _transaction?.Dispose();
        _insertMany?.Dispose();
        _insertOne?.Dispose();
        _connection.Dispose();
        _queue.Dispose();
    }
}
