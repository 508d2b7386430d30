using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MusicAnalyser.Data;

/// <summary>Brings the database file to the current schema at start, in WAL mode.</summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, SqliteDatabase database, ILogger<DatabaseMigrator> logger)
{
    // The migrations compiled into this build, read from their attributes: comparing them with the history
    // table costs a millisecond, where asking EF costs a model build (a third of a second on a small machine).
    private static readonly string[] KnownMigrations = typeof(MusicDbContext).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToArray();

    public void Migrate()
    {
        using (var connection = database.Open())
        {
            using var wal = connection.CreateCommand();
            // WAL is a property of the file: readers (the dashboard) never wait on the importer's writes.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
            if (AllApplied(connection))
            {
                return;
            }
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MusicDbContext>();
        logger.LogInformation("Bringing the database {Database} to the current schema", database.Path);
        db.Database.Migrate();
    }

    private static bool AllApplied(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (command.ExecuteScalar() is null)
        {
            return false;
        }
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            applied.Add(reader.GetString(0));
        }
        return KnownMigrations.All(applied.Contains);
    }
}
