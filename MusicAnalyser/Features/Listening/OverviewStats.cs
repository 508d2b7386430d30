using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Listening;

public sealed record ArtistTotal(string Name, double Minutes, long Plays);

public sealed record Overview(
    long Plays,
    double Minutes,
    long Tracks,
    long Artists,
    DateTimeOffset? FirstPlay,
    DateTimeOffset? LastPlay,
    IReadOnlyList<ArtistTotal> TopArtists)
{
    public bool IsEmpty => Plays == 0;
    public double Hours => Minutes / 60;
}

/// <summary>
/// Totals and top artists of music (never podcasts, audiobooks or video) for a period.
/// Raw SQL over the play identity index, which leads with EndedAt and carries MsPlayed and Kind.
/// </summary>
public sealed class OverviewStats(SqliteDatabase database, IOptions<ListeningOptions> options)
{
    private readonly TimeZoneInfo _zone = options.Value.ResolveZone();

    public Overview Get(ListeningPeriod period, int topArtists = 10)
    {
        var (from, to) = period.ToUnixRange(_zone);
        using var connection = database.Open();

        // One pass: plays are summed per track first (a scan of Plays with no lookups), then per artist; the
        // totals are the sums of the artists' figures. Joining Tracks once per play would cost 3× as much.
        var perArtist = new List<(string Name, long Ms, long Plays)>();
        long plays = 0, ms = 0, tracks = 0, firstAt = long.MaxValue, lastAt = long.MinValue;
        using (var command = Command(connection, """
            WITH per_track AS (
                SELECT TrackId, COUNT(*) AS plays, SUM(MsPlayed) AS ms, MIN(EndedAt) AS first, MAX(EndedAt) AS last
                FROM Plays WHERE Kind = 1 AND EndedAt >= $from AND EndedAt < $to GROUP BY TrackId)
            SELECT a.Name, SUM(pt.ms), SUM(pt.plays), COUNT(*), MIN(pt.first), MAX(pt.last)
            FROM per_track pt JOIN Tracks t ON t.Id = pt.TrackId JOIN Artists a ON a.Id = t.ArtistId
            GROUP BY t.ArtistId
            """, from, to))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var artist = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
                perArtist.Add(artist);
                ms += artist.Item2;
                plays += artist.Item3;
                tracks += reader.GetInt64(3);
                firstAt = Math.Min(firstAt, reader.GetInt64(4));
                lastAt = Math.Max(lastAt, reader.GetInt64(5));
            }
        }
        DateTimeOffset? first = plays == 0 ? null : ToLocal(firstAt);
        DateTimeOffset? last = plays == 0 ? null : ToLocal(lastAt);
        var top = perArtist
            .OrderByDescending(a => a.Ms).ThenBy(a => a.Name, StringComparer.Ordinal)
            .Take(topArtists)
            .Select(a => new ArtistTotal(a.Name, Math.Round(a.Ms / 60000.0, 2), a.Plays))
            .ToList();
        var minutes = ms / 60000.0;
        var artists = perArtist.Count;
        return new Overview(plays, Math.Round(minutes, 2), tracks, artists, first, last, top);
    }

    private DateTimeOffset ToLocal(long unixSeconds) => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), _zone);

    private static SqliteCommand Command(SqliteConnection connection, string sql, long from, long to)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        return command;
    }
}
