using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Listening;

/// <summary>
/// Hands out the current <see cref="ListeningSnapshot"/>, building a new one when the plays have changed
/// (an import here or from the command line), or extending it with what live capture added. Checking costs one
/// small query.
/// </summary>
public sealed class ListeningData(SqliteDatabase database, IOptions<ListeningOptions> options) : IDisposable
{
    private readonly TimeZoneInfo _zone = options.Value.ResolveZone();
    private readonly SemaphoreSlim _building = new(1, 1);
    private ListeningSnapshot? _current;

    public TimeZoneInfo Zone => _zone;

    /// <summary>The data's version: changes whenever an import finishes a file or a play is added.</summary>
    public string Version()
    {
        using var connection = database.Open();
        return CurrentVersion(connection);
    }

    public async Task<ListeningSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        using (var connection = database.Open())
        {
            if (Volatile.Read(ref _current) is { } current && current.Version == CurrentVersion(connection))
            {
                return current;
            }
        }
        await _building.WaitAsync(cancellationToken);
        try
        {
            using var connection = database.Open();
            // One read transaction: the version and every row come from the same state of the database.
            using var read = connection.BeginTransaction(deferred: true);
            var version = CurrentVersion(connection);
            if (_current is not { } built || built.Version != version)
            {
                // Published with a barrier: an extended snapshot's plays were written into arrays it shares with the one before.
                Volatile.Write(ref _current, (_current is { } previous && Imports(previous.Version) == Imports(version)
                        ? ListeningSnapshot.Extend(previous, connection, version)
                        : null)
                    ?? ListeningSnapshot.Load(connection, version, _zone));
            }
            return _current;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>
    /// Names of the artists, tracks ("Track · Artist") or albums that can be among the first <paramref name="count"/>
    /// by <paramref name="ms"/>: those above the count-th figure and all tied with it (ties are ordered by name).
    /// </summary>
    public IReadOnlyDictionary<int, string> Names(TopKind kind, long[] ms, int count)
    {
        var played = Enumerable.Range(0, ms.Length).Where(a => ms[a] > 0).OrderByDescending(a => ms[a]).ToList();
        if (played.Count == 0)
        {
            return new Dictionary<int, string>();
        }
        var cutoff = ms[played[Math.Min(count, played.Count) - 1]];
        return Names(kind, played.TakeWhile(a => ms[a] >= cutoff));
    }

    /// <summary>Display names of the given artists, tracks ("Track · Artist") or albums ("Album · Artist").</summary>
    public IReadOnlyDictionary<int, string> Names(TopKind kind, IEnumerable<int> ids) => ById(kind switch
    {
        TopKind.Artists => "SELECT Id, Name FROM Artists WHERE Id IN (SELECT value FROM json_each($ids))",
        TopKind.Tracks => "SELECT t.Id, t.Name || ' · ' || a.Name FROM Tracks t JOIN Artists a ON a.Id = t.ArtistId WHERE t.Id IN (SELECT value FROM json_each($ids))",
        _ => "SELECT b.Id, b.Name || IFNULL(' · ' || a.Name, '') FROM Albums b LEFT JOIN Artists a ON a.Id = b.ArtistId WHERE b.Id IN (SELECT value FROM json_each($ids))",
    }, ids);

    /// <summary>
    /// Spotify's pictures of the given artists, tracks (their album's cover) or albums, for those that have one
    /// (filled in by live capture and the metadata backfill).
    /// </summary>
    public IReadOnlyDictionary<int, string> Pictures(TopKind kind, IEnumerable<int> ids) => ById(kind switch
    {
        TopKind.Artists => "SELECT Id, ImageUrl FROM Artists WHERE ImageUrl IS NOT NULL AND Id IN (SELECT value FROM json_each($ids))",
        TopKind.Tracks => "SELECT t.Id, b.ImageUrl FROM Tracks t JOIN Albums b ON b.Id = t.AlbumId WHERE b.ImageUrl IS NOT NULL AND t.Id IN (SELECT value FROM json_each($ids))",
        _ => "SELECT Id, ImageUrl FROM Albums WHERE ImageUrl IS NOT NULL AND Id IN (SELECT value FROM json_each($ids))",
    }, ids);

    /// <summary>Runs <paramref name="sql"/> (an id and a text per row) for the ids bound to <c>$ids</c>.</summary>
    private Dictionary<int, string> ById(string sql, IEnumerable<int> ids)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$ids", "[" + string.Join(",", ids) + "]");
        var values = new Dictionary<int, string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values[reader.GetInt32(0)] = reader.GetString(1);
        }
        return values;
    }

    /// <summary>The part of a version that moves with imports (see <see cref="CurrentVersion"/>).</summary>
    private static string Imports(string version) => version[..version.IndexOf('.', StringComparison.Ordinal)];

    private static string CurrentVersion(SqliteConnection connection)
    {
        // Imports always record their files, and plays are only ever added with a new rowid: the two together
        // move on every change (reconciliation deletes happen inside an import, which adds a file record).
        // Spotify metadata (genres, pictures) arrives apart from plays: its writers move a counter, part of the version too.
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT IFNULL((SELECT MAX(Id) FROM ImportFiles), 0) || '.' || IFNULL((SELECT seq FROM sqlite_sequence WHERE name = 'Plays'), 0)
                   || '.' || IFNULL((SELECT Value FROM DataCounters WHERE Name = $metadata), 0)
            """;
        command.Parameters.AddWithValue("$metadata", DataCounter.SpotifyMetadata);
        return (string)command.ExecuteScalar()!;
    }

    public void Dispose() => _building.Dispose();
}
