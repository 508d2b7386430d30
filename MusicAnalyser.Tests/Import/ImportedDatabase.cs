using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MusicAnalyser.Data;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Features.Listening;
using MusicAnalyser.Features.Spotify;
using MusicAnalyser.Tests.Infrastructure;

namespace MusicAnalyser.Tests.Import;

/// <summary>
/// The importer and the statistics wired as the command line wires them, over a fresh database file in a temp
/// folder of its own. The background import worker is registered but never started.
/// </summary>
public sealed class ImportedDatabase : IDisposable
{
    public const string MaxUncompressedBytesKey = "MusicAnalyser:Import:MaxUncompressedBytes";

    private readonly TempFolder _folder = new("import");
    private readonly ServiceProvider _services;

    /// <param name="settings">Configuration on top of the data folder, e.g. <see cref="MaxUncompressedBytesKey"/>.</param>
    /// <param name="now">the time the app sees (for "today"); the real clock when null.</param>
    public ImportedDatabase(IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? now = null)
    {
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["MusicAnalyser:DataDirectory"] = DataFolder,
            ["MusicAnalyser:TimeZone"] = "UTC",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(now is { } fixedNow ? new FixedTime(fixedNow) : TimeProvider.System);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddData().AddImport().AddListening().AddSpotify();
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<DatabaseMigrator>().Migrate();
    }

    /// <summary>The app's data folder: the database lives here, and nothing an import reads may land outside it.</summary>
    public string DataFolder => _folder.Combine("data");

    public ImportSummary Import(params string[] paths) =>
        _services.GetRequiredService<ImportService>().Import(paths, "test", new ImportProgress(), TestContext.Current.CancellationToken);

    public Overview Overview(ListeningPeriod period) => _services.GetRequiredService<OverviewStats>().Get(period);

    /// <summary>One of the app's services over this database (statistics, say).</summary>
    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The single value of <paramref name="sql"/> as a long (counts, ids, timestamps).</summary>
    public long Scalar(string sql)
    {
        using var connection = _services.GetRequiredService<SqliteDatabase>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, as text.</summary>
    public IReadOnlyList<string> Strings(string sql)
    {
        using var connection = _services.GetRequiredService<SqliteDatabase>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    public long Plays => Scalar("SELECT COUNT(*) FROM Plays");

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public void Dispose()
    {
        _services.Dispose();
        // Pooled connections keep the database file open; they must go before the folder can.
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
