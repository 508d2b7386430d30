using Microsoft.Data.Sqlite;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// Live capture (Spotify's recently-played) records a play minutes after it ends; the export delivers the same
/// play later, in full. When an extended-history file is written, the captured copies of its new plays (the
/// same track, ending within a few seconds) are deleted: the export's record is the richer one. What the
/// captured copy alone knew, the context it was played from, moves to the export's play first.
/// </summary>
internal static class CapturedPlayReconciler
{
    private const long SamePlaySeconds = 10;

    /// <returns>How many captured plays were replaced.</returns>
    public static int ReplaceCapturedCopies(SqliteConnection connection, SqliteTransaction transaction, ImportFileWork file, long fileId)
    {
        if (file.Added == 0)
        {
            return 0;
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO PlayContextLinks (PlayId, ContextId)
            SELECT e.Id, l.ContextId
            FROM Plays c JOIN PlayContextLinks l ON l.PlayId = c.Id
            JOIN Plays e ON e.EndedAt BETWEEN c.EndedAt - $slack AND c.EndedAt + $slack AND e.ImportFileId = $file AND e.TrackId = c.TrackId
            WHERE c.Source = 3 AND c.Kind = 1 AND c.EndedAt BETWEEN $from AND $to
            """;
        command.Parameters.AddWithValue("$from", file.FirstPlayAt - SamePlaySeconds);
        command.Parameters.AddWithValue("$to", file.LastPlayAt + SamePlaySeconds);
        command.Parameters.AddWithValue("$slack", SamePlaySeconds);
        command.Parameters.AddWithValue("$file", fileId);
        command.ExecuteNonQuery();

        // The importer's connection runs without foreign keys (for speed): the captured copies' links go by hand.
        command.CommandText = """
            DELETE FROM PlayContextLinks
            WHERE PlayId IN (SELECT c.Id FROM Plays c
                             WHERE c.Source = 3 AND c.Kind = 1 AND c.EndedAt BETWEEN $from AND $to
                               AND EXISTS (SELECT 1 FROM Plays e
                                           WHERE e.EndedAt BETWEEN c.EndedAt - $slack AND c.EndedAt + $slack
                                             AND e.ImportFileId = $file AND e.TrackId = c.TrackId))
            """;
        command.ExecuteNonQuery();

        command.CommandText = """
            DELETE FROM Plays
            WHERE Source = 3 AND Kind = 1 AND EndedAt BETWEEN $from AND $to
              AND EXISTS (SELECT 1 FROM Plays e
                          WHERE e.EndedAt BETWEEN Plays.EndedAt - $slack AND Plays.EndedAt + $slack
                            AND e.ImportFileId = $file AND e.TrackId = Plays.TrackId)
            """;
        return command.ExecuteNonQuery();
    }
}
