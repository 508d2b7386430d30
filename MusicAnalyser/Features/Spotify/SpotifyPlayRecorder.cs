using Microsoft.Data.Sqlite;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Spotify;

/// <summary>
/// Stores a page of recently-played plays with the full track (artists, album, images, duration, ISRC) in one
/// transaction. A play the database already has (the same track ending within a few seconds, from an export
/// or an earlier poll) is the same play and is not stored twice. Items known by name only from an export
/// (no Spotify id yet) are identified, not duplicated.
/// </summary>
public sealed class SpotifyPlayRecorder(SqliteDatabase database)
{
    // Spotify's played_at and the export's ts for the same play differ by a few seconds.
    private const long SamePlaySeconds = 10;

    public sealed record Outcome(int Added, int AlreadyKnown);

    public Outcome Record(RecentlyPlayedPage page)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        int added = 0, known = 0;
        foreach (var item in page.Items.OrderBy(i => i.PlayedAt))
        {
            var trackId = Track(connection, transaction, item.Track);
            var endedAt = item.PlayedAt.ToUnixTimeSeconds();
            if (Scalar(connection, transaction,
                    "SELECT EXISTS (SELECT 1 FROM Plays WHERE EndedAt BETWEEN $from AND $to AND Kind = 1 AND TrackId = $track)",
                    ("$from", endedAt - SamePlaySeconds), ("$to", endedAt + SamePlaySeconds), ("$track", trackId)) == 1)
            {
                known++;
                continue;
            }
            // The Web API lists plays, not how long each ran; a listed play is at least 30 s of the track, taken as the whole track.
            Scalar(connection, transaction,
                "INSERT INTO Plays (Kind, Source, TrackId, EndedAt, MsPlayed, Seq) VALUES (1, 3, $track, $at, $ms, 0) RETURNING Id",
                ("$track", trackId), ("$at", endedAt), ("$ms", item.Track.DurationMs));
            added++;
        }
        transaction.Commit();
        return new Outcome(added, known);
    }

    private static long Track(SqliteConnection c, SqliteTransaction t, SpotifyTrack track)
    {
        var artists = track.Artists.Select(a => Artist(c, t, a)).ToList();
        var albumId = track.Album is { } album ? Album(c, t, album, artists.FirstOrDefault()) : (long?)null;
        var id = Find(c, t, "SELECT Id FROM Tracks WHERE SpotifyId = $id", ("$id", track.Id))
                 ?? Find(c, t, "SELECT Id FROM Tracks WHERE SpotifyId IS NULL AND ArtistId = $artist AND Name = $name ORDER BY Id LIMIT 1",
                     ("$artist", artists.FirstOrDefault()), ("$name", track.Name));
        if (id is { } existing)
        {
            Scalar(c, t, "UPDATE Tracks SET SpotifyId = $id, AlbumId = IFNULL(AlbumId, $album) WHERE Id = $track RETURNING Id",
                ("$id", track.Id), ("$album", (object?)albumId ?? DBNull.Value), ("$track", existing));
        }
        else
        {
            id = Scalar(c, t, "INSERT INTO Tracks (Name, SpotifyId, ArtistId, AlbumId) VALUES ($name, $id, $artist, $album) RETURNING Id",
                ("$name", track.Name), ("$id", track.Id), ("$artist", artists.FirstOrDefault()), ("$album", (object?)albumId ?? DBNull.Value));
        }
        // Every credited artist, in order (exports name only the first).
        for (var position = 0; position < artists.Count; position++)
        {
            Scalar(c, t, "INSERT OR REPLACE INTO TrackArtists (TrackId, Position, ArtistId) VALUES ($track, $position, $artist) RETURNING TrackId",
                ("$track", id.Value), ("$position", position), ("$artist", artists[position]));
        }
        return id.Value;
    }

    private static long Artist(SqliteConnection c, SqliteTransaction t, SpotifyArtistRef artist) =>
        Find(c, t, "SELECT Id FROM Artists WHERE SpotifyId = $id", ("$id", artist.Id))
        ?? Find(c, t, "UPDATE Artists SET SpotifyId = $id WHERE Name = $name AND SpotifyId IS NULL RETURNING Id", ("$id", artist.Id), ("$name", artist.Name))
        ?? Scalar(c, t, "INSERT INTO Artists (Name, SpotifyId) VALUES ($name, $id) RETURNING Id", ("$name", artist.Name), ("$id", artist.Id));

    private static long Album(SqliteConnection c, SqliteTransaction t, SpotifyAlbum album, long artistId) =>
        Find(c, t, "SELECT Id FROM Albums WHERE SpotifyId = $id", ("$id", album.Id))
        ?? Find(c, t, "UPDATE Albums SET SpotifyId = $id WHERE ArtistId = $artist AND Name = $name AND SpotifyId IS NULL RETURNING Id",
            ("$id", album.Id), ("$artist", artistId), ("$name", album.Name))
        ?? Scalar(c, t, "INSERT INTO Albums (Name, ArtistId, SpotifyId) VALUES ($name, $artist, $id) RETURNING Id", ("$name", album.Name), ("$artist", artistId), ("$id", album.Id));

    private static long? Find(SqliteConnection c, SqliteTransaction t, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(c, t, sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static long Scalar(SqliteConnection c, SqliteTransaction t, string sql, params (string Name, object Value)[] parameters) =>
        Find(c, t, sql, parameters) ?? 0;

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction t, string sql, (string Name, object Value)[] parameters)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        command.Transaction = t;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}
