using Microsoft.Extensions.Options;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Listening;

/// <summary>A show or an audiobook in a period: how many episodes or chapters were heard, how often, how long.</summary>
public sealed record SpokenItem(string Name, int Parts, long Plays, double Minutes);

public sealed record SpokenWord(double PodcastMinutes, long Episodes, IReadOnlyList<SpokenItem> Shows, double AudiobookMinutes, long Chapters, IReadOnlyList<SpokenItem> Audiobooks);

/// <summary>
/// Podcasts and audiobooks, kept apart from music. Far fewer plays than music, so plain SQL over the
/// identity index (which leads with the end time) answers quickly enough for any period.
/// </summary>
public sealed class SpokenWordStats(SqliteDatabase database, IOptions<ListeningOptions> options)
{
    private readonly TimeZoneInfo _zone = options.Value.ResolveZone();

    public SpokenWord Get(ListeningPeriod period, int top = 20)
    {
        var (from, to) = period.ToUnixRange(_zone);
        using var connection = database.Open();
        var shows = Items(connection, """
            SELECT s.Name, COUNT(DISTINCT p.EpisodeId), COUNT(*), SUM(p.MsPlayed)
            FROM Plays p JOIN Episodes e ON e.Id = p.EpisodeId JOIN Shows s ON s.Id = e.ShowId
            WHERE p.Kind = 2 AND p.EndedAt >= $from AND p.EndedAt < $to GROUP BY s.Id
            """, from, to);
        var books = Items(connection, """
            SELECT b.Title, COUNT(DISTINCT p.ChapterId), COUNT(*), SUM(p.MsPlayed)
            FROM Plays p JOIN Chapters c ON c.Id = p.ChapterId JOIN Audiobooks b ON b.Id = c.AudiobookId
            WHERE p.Kind = 3 AND p.EndedAt >= $from AND p.EndedAt < $to GROUP BY b.Id
            """, from, to);
        return new SpokenWord(
            shows.Sum(s => s.Minutes), shows.Sum(s => (long)s.Parts), Top(shows, top),
            books.Sum(b => b.Minutes), books.Sum(b => (long)b.Parts), Top(books, top));
    }

    private static List<SpokenItem> Top(List<SpokenItem> items, int top) =>
        items.OrderByDescending(i => i.Minutes).ThenBy(i => i.Name, StringComparer.Ordinal).Take(top).ToList();

    private static List<SpokenItem> Items(Microsoft.Data.Sqlite.SqliteConnection connection, string sql, long from, long to)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        var items = new List<SpokenItem>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            items.Add(new SpokenItem(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3) / 60000.0));
        }
        return items;
    }
}
