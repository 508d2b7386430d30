using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// A prepared statement driven through SQLite's C API: values are bound without boxing and the statement is
/// reused for every row. Only the import's bulk paths use it; everything else goes through ADO.NET or EF.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Bind(int index, long value) => raw.sqlite3_bind_int64(_statement, index, value);

    /// <summary>Binds null for 0: ids start at 1, so 0 means "none".</summary>
    public void BindId(int index, long id)
    {
        if (id == 0)
        {
            raw.sqlite3_bind_null(_statement, index);
        }
        else
        {
            raw.sqlite3_bind_int64(_statement, index, id);
        }
    }

    /// <summary>-1 is null, 0 and 1 are false and true.</summary>
    public void BindFlag(int index, sbyte flag)
    {
        if (flag < 0)
        {
            raw.sqlite3_bind_null(_statement, index);
        }
        else
        {
            raw.sqlite3_bind_int64(_statement, index, flag);
        }
    }

    public void Bind(int index, string? text)
    {
        if (text is null)
        {
            raw.sqlite3_bind_null(_statement, index);
        }
        else
        {
            raw.sqlite3_bind_text(_statement, index, text);
        }
    }

    /// <summary>Runs the statement once with the values bound; returns the rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
        return raw.sqlite3_changes(_db);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }

    public void Dispose() => _statement.Dispose();
}
