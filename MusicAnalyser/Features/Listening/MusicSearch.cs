using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Listening;

public sealed record SearchHit(TopKind Kind, int Id, string Name);

/// <summary>
/// Artists and tracks with music plays whose name holds the words searched for (case-insensitive for ASCII),
/// shortest names first (the closest matches).
/// </summary>
public sealed class MusicSearch(SqliteDatabase database, ListeningData data)
{
    public async Task<List<SearchHit>> FindAsync(string query, CancellationToken cancellationToken, int perKind = 20)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        var text = query.Trim();
        if (text.Length == 0)
        {
            return [];
        }
        var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT * FROM (SELECT 0, a.Id, a.Name FROM Artists a WHERE a.Name LIKE $q ESCAPE '\'
                           AND EXISTS (SELECT 1 FROM Tracks t WHERE t.ArtistId = a.Id) ORDER BY length(a.Name), a.Name LIMIT $n)
            UNION ALL
            SELECT * FROM (SELECT 1, t.Id, t.Name || ' · ' || a.Name FROM Tracks t JOIN Artists a ON a.Id = t.ArtistId
                           WHERE t.Name LIKE $q ESCAPE '\' ORDER BY length(t.Name), t.Name LIMIT $n)
            """;
        command.Parameters.AddWithValue("$q", pattern);
        // Asked for generously: names without music plays (podcast hosts, say) are left out below.
        command.Parameters.AddWithValue("$n", perKind * 3);
        var hits = new List<SearchHit>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hits.Add(new SearchHit(reader.GetInt32(0) == 0 ? TopKind.Artists : TopKind.Tracks, reader.GetInt32(1), reader.GetString(2)));
        }
        return hits.Where(h => Played(h.Kind == TopKind.Artists ? snapshot.ArtistFirstPlay : snapshot.TrackFirstPlay, h.Id))
            .GroupBy(h => h.Kind).SelectMany(g => g.Take(perKind)).ToList();

        static bool Played(long[] firstPlays, int id) => (uint)id < (uint)firstPlays.Length && firstPlays[id] != long.MaxValue;
    }
}
