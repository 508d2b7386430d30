using Microsoft.EntityFrameworkCore;

namespace MusicAnalyser.Data;

/// <summary>Brings the database file to the current schema at start, in WAL mode.</summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, SqliteDatabase database, ILogger<DatabaseMigrator> logger)
{
    public void Migrate()
    {
        using (var connection = database.Open())
        using (var wal = connection.CreateCommand())
        {
            // WAL is a property of the file: readers (the dashboard) never wait on the importer's writes.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MusicDbContext>();
        var pending = db.Database.GetPendingMigrations().ToList();
        if (pending.Count == 0)
        {
            return;
        }
        logger.LogInformation("Applying {Count} migration(s) to {Database}", pending.Count, database.Path);
        db.Database.Migrate();
    }
}
