using Microsoft.Data.Sqlite;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// Account data repeats the last year of extended history with less detail. A pair is the same play when the
/// kind, the artist and track (show and episode; book and chapter) names, and ms played match, and the end
/// times agree to the minute. The extended record is kept; the account-data copy is deleted, in whichever
/// order the two arrive.
/// </summary>
internal static class AccountDataReconciler
{
    public const string SkipReason = "duplicate of an extended-history play";

    // Account data gives the end minute; allow the neighbouring minutes for clocks that round instead of cut.
    private const long MinuteSlack = 1;

    public readonly record struct Outcome(long FromThisFile, long Replaced);

    public static Outcome Reconcile(SqliteConnection connection, SqliteTransaction transaction, ImportFileWork file, long firstNewPlayId)
    {
        var from = file.FirstPlayAt - 120;
        var to = file.LastPlayAt + 120;
        if (!OtherSourceOverlaps(connection, transaction, file.Format.IsExtended(), from, to))
        {
            return default;
        }

        var extended = new Dictionary<PlayKey, int>();
        var account = new List<(long Id, PlayKey Key)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = """
                SELECT p.Id, p.Source, p.Kind, p.MsPlayed, p.EndedAt / 60,
                       CASE p.Kind WHEN 1 THEN a.Name WHEN 2 THEN s.Name ELSE b.Title END,
                       CASE p.Kind WHEN 1 THEN t.Name WHEN 2 THEN e.Name ELSE c.Title END
                FROM Plays p
                LEFT JOIN Tracks t ON t.Id = p.TrackId LEFT JOIN Artists a ON a.Id = t.ArtistId
                LEFT JOIN Episodes e ON e.Id = p.EpisodeId LEFT JOIN Shows s ON s.Id = e.ShowId
                LEFT JOIN Chapters c ON c.Id = p.ChapterId LEFT JOIN Audiobooks b ON b.Id = c.AudiobookId
                WHERE p.EndedAt BETWEEN $from AND $to AND p.Kind IN (1, 2, 3) AND p.Source IN (1, 2)
                ORDER BY p.Id
                """;
            select.Parameters.AddWithValue("$from", from);
            select.Parameters.AddWithValue("$to", to);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var key = new PlayKey((PlayKind)reader.GetByte(2), reader.GetString(5), reader.GetString(6), reader.GetInt32(3), reader.GetInt64(4));
                if ((PlaySource)reader.GetByte(1) == PlaySource.ExtendedHistory)
                {
                    extended[key] = extended.GetValueOrDefault(key) + 1;
                }
                else
                {
                    account.Add((reader.GetInt64(0), key));
                }
            }
        }

        var duplicates = new List<long>();
        foreach (var (id, key) in account)
        {
            if (TakeMatch(extended, key))
            {
                duplicates.Add(id);
            }
        }
        if (duplicates.Count == 0)
        {
            return default;
        }

        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM Plays WHERE Id = $id";
            var parameter = delete.Parameters.Add("$id", SqliteType.Integer);
            foreach (var id in duplicates)
            {
                parameter.Value = id;
                delete.ExecuteNonQuery();
            }
        }
        var fromThisFile = duplicates.Count(id => id >= firstNewPlayId);
        return new Outcome(fromThisFile, duplicates.Count - fromThisFile);
    }

    private static bool TakeMatch(Dictionary<PlayKey, int> extended, PlayKey key)
    {
        for (var offset = 0L; offset <= MinuteSlack; offset++)
        {
            foreach (var minute in offset == 0 ? [key.Minute] : new[] { key.Minute + offset, key.Minute - offset })
            {
                var candidate = key with { Minute = minute };
                if (extended.TryGetValue(candidate, out var count) && count > 0)
                {
                    extended[candidate] = count - 1;
                    return true;
                }
            }
        }
        return false;
    }

    private static bool OtherSourceOverlaps(SqliteConnection connection, SqliteTransaction transaction, bool fileIsExtended, long from, long to)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var formats = Enum.GetValues<ExportFormat>().Where(f => f.IsExtended() != fileIsExtended).Select(f => $"'{f}'");
        command.CommandText = $"""
            SELECT EXISTS (SELECT 1 FROM ImportFiles WHERE Error IS NULL AND Format IN ({string.Join(", ", formats)})
                           AND FirstPlayAt <= $to AND LastPlayAt >= $from)
            """;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private readonly record struct PlayKey(PlayKind Kind, string Owner, string Name, int MsPlayed, long Minute);
}
