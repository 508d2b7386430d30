using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Listening;

public sealed record ArtistTotal(string Name, double Minutes, long Plays);

public sealed record MonthTotal(int Year, int Month, double Minutes);

public sealed record Overview(
    long Plays,
    double Minutes,
    long Tracks,
    long Artists,
    DateTimeOffset? FirstPlay,
    DateTimeOffset? LastPlay,
    IReadOnlyList<ArtistTotal> TopArtists,
    IReadOnlyList<MonthTotal> MinutesPerMonth)
{
    public bool IsEmpty => Plays == 0;
    public double Hours => Minutes / 60;
}

/// <summary>
/// Totals, top artists and minutes per month of music (never podcasts, audiobooks or video) for a period.
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

        var months = first is null ? [] : MinutesPerMonth(connection, first.Value, last!.Value, from, to);
        return new Overview(plays, Math.Round(minutes, 2), tracks, artists, first, last, top, months);
    }

    private List<MonthTotal> MinutesPerMonth(SqliteConnection connection, DateTimeOffset first, DateTimeOffset last, long from, long to)
    {
        // Month boundaries are computed here in the listener's zone (SQLite knows no time zones) and handed
        // to SQL as a VALUES table; each month is then one range scan of the index.
        var months = new List<(int Year, int Month, long Start, long End)>();
        for (var m = new DateOnly(first.Year, first.Month, 1); m <= DateOnly.FromDateTime(last.DateTime); m = m.AddMonths(1))
        {
            months.Add((m.Year, m.Month, Math.Max(from, ListeningPeriod.StartOfDay(m, _zone)), Math.Min(to, ListeningPeriod.StartOfDay(m.AddMonths(1), _zone))));
        }
        var values = string.Join(",", months.Select((m, i) => $"({i},{m.Start},{m.End})"));
        using var command = Command(connection, $"""
            WITH months(i, s, e) AS (VALUES {values})
            SELECT months.i, IFNULL((SELECT SUM(p.MsPlayed) FROM Plays p WHERE p.EndedAt >= months.s AND p.EndedAt < months.e AND p.Kind = 1), 0)
            FROM months ORDER BY months.i
            """, from, to);
        var result = new List<MonthTotal>(months.Count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var month = months[reader.GetInt32(0)];
            result.Add(new MonthTotal(month.Year, month.Month, Math.Round(reader.GetInt64(1) / 60000.0, 1)));
        }
        return result;
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
