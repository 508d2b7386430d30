using MusicAnalyser.Data;
using MusicAnalyser.Features.Import;

namespace MusicAnalyser.Features.Spotify;

/// <summary>
/// Stores a page of recently-played plays with the full track (artists, album and its cover, duration, ISRC)
/// and what each was played from, in one transaction. A play the database already has (the same track ending
/// within a few seconds, from an export or an earlier poll) is the same play and is not stored twice.
/// </summary>
public sealed class SpotifyPlayRecorder(SqliteDatabase database, TimeProvider time)
{
    // Spotify's played_at and the export's ts for the same play differ by a few seconds.
    private const long SamePlaySeconds = 10;

    public sealed record Outcome(int Added, int AlreadyKnown);

    /// <returns>null, storing nothing, while an import runs (it numbers new catalogue rows itself).</returns>
    public Outcome? Record(RecentlyPlayedPage page)
    {
        using var importLock = ImportLock.TryAcquireForShortWrite(database.Path);
        if (importLock is null)
        {
            return null;
        }
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var catalog = new SpotifyCatalogWriter(connection, transaction, time.GetUtcNow());
        int added = 0, known = 0;
        foreach (var item in page.Items.OrderBy(i => i.PlayedAt))
        {
            var trackId = catalog.Track(item.Track);
            var endedAt = item.PlayedAt.ToUnixTimeSeconds();
            if (catalog.Find("SELECT 1 FROM Plays WHERE EndedAt BETWEEN $from AND $to AND Kind = 1 AND TrackId = $track LIMIT 1",
                    ("$from", endedAt - SamePlaySeconds), ("$to", endedAt + SamePlaySeconds), ("$track", trackId)) is not null)
            {
                known++;
                continue;
            }
            // The Web API lists plays, not how long each ran; a listed play is at least 30 s of the track, taken as the whole track.
            var playId = catalog.Find(
                "INSERT INTO Plays (Kind, Source, TrackId, EndedAt, MsPlayed, Seq) VALUES (1, 3, $track, $at, $ms, 0) RETURNING Id",
                ("$track", trackId), ("$at", endedAt), ("$ms", item.Track.DurationMs))!.Value;
            catalog.Context(playId, item.Context);
            added++;
        }
        if (page.Items.Count > 0)
        {
            // Covers and credits may have arrived with the tracks.
            catalog.MetadataChanged();
        }
        transaction.Commit();
        return new Outcome(added, known);
    }
}
