using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MusicAnalyser.Data;

/// <summary>
/// Brings the database file to the current schema at start, in WAL mode. EF Core's migrations are the
/// schema's source of truth; two shortcuts keep start-up small, because loading EF and building its model
/// costs a Raspberry Pi a quarter second and ~20 MB: an up-to-date file is recognised from the history
/// table alone, and a brand-new file gets the migrations' own SQL script (kept equal to EF's by a test).
/// </summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, SqliteDatabase database, ILogger<DatabaseMigrator> logger)
{
    /// <summary>The migrations compiled into this build, as the build stamped them (see the project file).</summary>
    internal static readonly string[] KnownMigrations = typeof(DatabaseMigrator).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "MusicAnalyser.Migrations").Value!
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string SchemaScript()
    {
        using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream("MusicAnalyser.Schema.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Migrate()
    {
        using (var connection = database.Open())
        {
            using var wal = connection.CreateCommand();
            // WAL is a property of the file: readers (the dashboard) never wait on the importer's writes.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();

            var applied = AppliedMigrations(connection);
            if (KnownMigrations.All(applied.Contains))
            {
                return;
            }
            if (applied.Count == 0 && IsEmpty(connection) && SchemaScript() is var script && KnownMigrations.All(script.Contains))
            {
                logger.LogInformation("Creating the database {Database}", database.Path);
                using var create = connection.CreateCommand();
                create.CommandText = script;
                create.ExecuteNonQuery();
                return;
            }
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MusicDbContext>();
        logger.LogInformation("Bringing the database {Database} to the current schema", database.Path);
        db.Database.Migrate();
    }

    private static HashSet<string> AppliedMigrations(SqliteConnection connection)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (command.ExecuteScalar() is null)
        {
            return applied;
        }
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            applied.Add(reader.GetString(0));
        }
        return applied;
    }

    private static bool IsEmpty(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name <> '__EFMigrationsHistory'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }
}
