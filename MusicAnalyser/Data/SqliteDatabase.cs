using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace MusicAnalyser.Data;

/// <summary>
/// Opens connections to the one database file with the settings every connection needs
/// (busy timeout, NORMAL sync under WAL). EF Core and the raw hot paths both come through here.
/// </summary>
public sealed class SqliteDatabase(IOptions<StorageOptions> options)
{
    public string Path { get; } = options.Value.DatabasePath;

    public string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public SqliteConnection Open()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Configure(connection);
        return connection;
    }

    public static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
        command.ExecuteNonQuery();
    }
}
