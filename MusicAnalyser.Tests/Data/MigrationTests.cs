using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MusicAnalyser.Data;
using MusicAnalyser.Tests.Infrastructure;

namespace MusicAnalyser.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_committed_migrations_describe_the_current_model()
    {
        using var folder = new TempFolder("model");
        using var db = Context(folder.Combine("model.db"));

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run `dotnet ef migrations add <Name> -o Data/Migrations` in MusicAnalyser/, then `dotnet ef migrations script -o Data/Migrations/Schema.sql`.");
    }

    [Fact]
    public void The_shipped_schema_script_is_the_one_EF_generates_from_the_migrations()
    {
        using var folder = new TempFolder("script");
        using var db = Context(folder.Combine("script.db"));

        var generated = db.GetService<IMigrator>().GenerateScript();

        Assert.True(Normalise(generated) == Normalise(DatabaseMigrator.SchemaScript()),
            "Data/Migrations/Schema.sql is out of date: run `dotnet ef migrations script -o Data/Migrations/Schema.sql` in MusicAnalyser/.");
    }

    [Fact]
    public void The_migration_list_stamped_by_the_build_is_EFs()
    {
        using var folder = new TempFolder("list");
        using var db = Context(folder.Combine("list.db"));

        Assert.Equal(db.Database.GetMigrations(), DatabaseMigrator.KnownMigrations);
    }

    [Fact]
    public void A_new_database_gets_the_same_schema_as_one_EF_migrates()
    {
        using var folder = new TempFolder("schemas");
        using (var db = Context(folder.Combine("by-ef.db")))
        {
            db.Database.Migrate();
        }
        using var provider = Services(folder.Combine("by-script"));
        provider.GetRequiredService<DatabaseMigrator>().Migrate();

        var byScript = Schema(provider.GetRequiredService<SqliteDatabase>().Path);
        var byEf = Schema(folder.Combine("by-ef.db"));

        Assert.Equal(byEf, byScript);
        Assert.Contains(byScript, s => s.Contains("IX_Plays_Identity", StringComparison.Ordinal));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void A_database_from_an_older_version_is_brought_up_to_date_at_start_with_its_plays_kept()
    {
        using var folder = new TempFolder("upgrade");
        using var provider = Services(folder.Path);
        var path = provider.GetRequiredService<SqliteDatabase>().Path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var db = Context(path))
        {
            db.GetService<IMigrator>().Migrate(DatabaseMigrator.KnownMigrations[0]);
            db.Database.ExecuteSqlRaw("INSERT INTO Artists (Name) VALUES ('Kept')");
        }

        provider.GetRequiredService<DatabaseMigrator>().Migrate();

        using var connection = provider.GetRequiredService<SqliteDatabase>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory";
        Assert.Equal((long)DatabaseMigrator.KnownMigrations.Length, command.ExecuteScalar());
        command.CommandText = "SELECT Name FROM Artists";
        Assert.Equal("Kept", command.ExecuteScalar());
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void Starting_twice_on_the_same_folder_keeps_the_data_and_uses_WAL()
    {
        using var folder = new TempFolder("restart");
        using (var first = Services(folder.Path))
        {
            first.GetRequiredService<DatabaseMigrator>().Migrate();
            using var connection = first.GetRequiredService<SqliteDatabase>().Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Artists (Name) VALUES ('Kept')";
            insert.ExecuteNonQuery();
        }
        using var second = Services(folder.Path);
        second.GetRequiredService<DatabaseMigrator>().Migrate();

        using var check = second.GetRequiredService<SqliteDatabase>().Open();
        using var command = check.CreateCommand();
        command.CommandText = "SELECT Name FROM Artists";
        Assert.Equal("Kept", command.ExecuteScalar());
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        SqliteConnection.ClearAllPools();
    }

    private static MusicDbContext Context(string file) =>
        new(new DbContextOptionsBuilder<MusicDbContext>().UseSqlite($"Data Source={file}").Options);

    private static ServiceProvider Services(string dataDirectory)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MusicAnalyser:DataDirectory"] = dataDirectory })
            .Build());
        services.AddData();
        return services.BuildServiceProvider();
    }

    private static List<string> Schema(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        // __EFMigrationsLock is EF's own lock table, created by EF whenever it migrates; it holds no schema.
        command.CommandText = "SELECT type || ' ' || name || ': ' || IFNULL(sql, '') FROM sqlite_master " +
                              "WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock' ORDER BY type, name";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    private static string Normalise(string script) => script.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();
}
