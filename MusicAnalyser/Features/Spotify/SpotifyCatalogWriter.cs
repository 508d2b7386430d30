using System.Globalization;
using Microsoft.Data.Sqlite;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Spotify;

/// <summary>
/// Writes what Spotify says about tracks, albums and artists into the catalogue, inside the caller's
/// transaction: the recently-played poll and the metadata backfill both come through here. An item the
/// export knew by name only is identified (its Spotify id filled in), never duplicated. Plain SQLite
/// commands, like the importer: a poll or a backfill step is a handful of statements and runs every minute.
/// </summary>
internal sealed class SpotifyCatalogWriter(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now)
{
    private readonly long _now = now.ToUnixTimeSeconds();

    /// <returns>The track's row id.</returns>
    public long Track(SpotifyTrack track)
    {
        // A track always credits someone; should Spotify send no artist, the play is kept under an unnamed one.
        var artists = (track.Artists is { Count: > 0 } credited ? credited : [new SpotifyArtistRef(null, "")]).Select(Artist).ToList();
        var albumId = track.Album is { } spotifyAlbum ? Album(spotifyAlbum, artists.FirstOrDefault()) : (long?)null;
        var id = Find("SELECT Id FROM Tracks WHERE SpotifyId = $id", ("$id", Db(track.Id)))
                 ?? Find("SELECT Id FROM Tracks WHERE SpotifyId IS NULL AND ArtistId = $artist AND Name = $name ORDER BY Id LIMIT 1",
                     ("$artist", artists.FirstOrDefault()), ("$name", track.Name));
        object album = (object?)albumId ?? DBNull.Value;
        object isrc = (object?)track.ExternalIds?.Isrc ?? DBNull.Value;
        if (id is { } existing)
        {
            Execute("""
                UPDATE Tracks SET SpotifyId = $id, AlbumId = IFNULL(AlbumId, $album), DurationMs = $duration, Isrc = IFNULL($isrc, Isrc), MetadataAt = $now
                WHERE Id = $track
                """, ("$id", Db(track.Id)), ("$album", album), ("$duration", track.DurationMs), ("$isrc", isrc), ("$now", _now), ("$track", existing));
        }
        else
        {
            id = Find("""
                INSERT INTO Tracks (Name, SpotifyId, ArtistId, AlbumId, DurationMs, Isrc, MetadataAt)
                VALUES ($name, $id, $artist, $album, $duration, $isrc, $now) RETURNING Id
                """, ("$name", track.Name), ("$id", Db(track.Id)), ("$artist", artists.FirstOrDefault()), ("$album", album),
                ("$duration", track.DurationMs), ("$isrc", isrc), ("$now", _now));
        }
        // Every credited artist, in credit order (exports name only the first).
        for (var position = 0; position < artists.Count; position++)
        {
            Execute("INSERT OR REPLACE INTO TrackArtists (TrackId, Position, ArtistId) VALUES ($track, $position, $artist)",
                ("$track", id!.Value), ("$position", position), ("$artist", artists[position]));
        }
        Execute("DELETE FROM TrackArtists WHERE TrackId = $track AND Position >= $count", ("$track", id!.Value), ("$count", artists.Count));
        return id.Value;
    }

    /// <summary>The backfill asked Spotify about this track (it may no longer have it): noted, so it does not ask again.</summary>
    public void TrackLookedUp(string spotifyId) =>
        Execute("UPDATE Tracks SET MetadataAt = IFNULL(MetadataAt, $now) WHERE SpotifyId = $id", ("$now", _now), ("$id", spotifyId));

    /// <summary>The artist's genres (replacing any earlier ones) and picture.</summary>
    public void ArtistDetails(SpotifyArtist artist)
    {
        var id = Artist(new SpotifyArtistRef(artist.Id, artist.Name));
        Execute("UPDATE Artists SET ImageUrl = IFNULL($image, ImageUrl), MetadataAt = $now WHERE Id = $artist",
            ("$image", (object?)SpotifyImage.Pick(artist.Images) ?? DBNull.Value), ("$now", _now), ("$artist", id));
        Execute("DELETE FROM ArtistGenres WHERE ArtistId = $artist", ("$artist", id));
        foreach (var genre in (artist.Genres ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Distinct(StringComparer.Ordinal))
        {
            var genreId = Find("SELECT Id FROM Genres WHERE Name = $name", ("$name", genre))
                          ?? Find("INSERT INTO Genres (Name) VALUES ($name) RETURNING Id", ("$name", genre));
            Execute("INSERT OR IGNORE INTO ArtistGenres (ArtistId, GenreId) VALUES ($artist, $genre)", ("$artist", id), ("$genre", genreId!.Value));
        }
    }

    /// <summary>The backfill asked Spotify about this artist (it may no longer have it): noted, so it does not ask again.</summary>
    public void ArtistLookedUp(string spotifyId) =>
        Execute("UPDATE Artists SET MetadataAt = IFNULL(MetadataAt, $now) WHERE SpotifyId = $id", ("$now", _now), ("$id", spotifyId));

    /// <summary>Links a play to what it was started from (playlist, album ...), the context stored once.</summary>
    public void Context(long playId, SpotifyContext? context)
    {
        if (context is not { Uri: { Length: > 0 } uri })
        {
            return;
        }
        var contextId = Find("SELECT Id FROM PlayContexts WHERE Uri = $uri", ("$uri", uri))
                        ?? Find("INSERT INTO PlayContexts (Type, Uri) VALUES ($type, $uri) RETURNING Id", ("$type", context.Type ?? ""), ("$uri", uri));
        Execute("INSERT OR REPLACE INTO PlayContextLinks (PlayId, ContextId) VALUES ($play, $context)", ("$play", playId), ("$context", contextId!.Value));
    }

    /// <summary>Moves the dashboard's data version on, so cached fragments show the new genres and pictures.</summary>
    public void MetadataChanged() =>
        Execute("INSERT INTO DataCounters (Name, Value) VALUES ($name, 1) ON CONFLICT (Name) DO UPDATE SET Value = Value + 1", ("$name", DataCounter.SpotifyMetadata));

    // An artist or album the export named is claimed by the first Spotify id seen for its name. Exports tell
    // artists apart by name only, so two Spotify artists sharing one name stay one artist here, as in the export.
    private long Artist(SpotifyArtistRef artist) =>
        Find("SELECT Id FROM Artists WHERE SpotifyId = $id", ("$id", Db(artist.Id)))
        ?? Find("UPDATE Artists SET SpotifyId = $id WHERE Name = $name AND SpotifyId IS NULL RETURNING Id", ("$id", Db(artist.Id)), ("$name", artist.Name))
        ?? Find("SELECT Id FROM Artists WHERE Name = $name", ("$name", artist.Name))
        ?? Find("INSERT INTO Artists (Name, SpotifyId) VALUES ($name, $id) RETURNING Id", ("$name", artist.Name), ("$id", Db(artist.Id)))!.Value;

    private long Album(SpotifyAlbum album, long artistId)
    {
        object image = (object?)SpotifyImage.Pick(album.Images) ?? DBNull.Value;
        return Find("UPDATE Albums SET ImageUrl = IFNULL($image, ImageUrl) WHERE SpotifyId = $id RETURNING Id", ("$id", Db(album.Id)), ("$image", image))
            ?? Find("UPDATE Albums SET SpotifyId = $id, ImageUrl = IFNULL($image, ImageUrl) WHERE ArtistId = $artist AND Name = $name AND SpotifyId IS NULL RETURNING Id",
                ("$id", Db(album.Id)), ("$artist", artistId), ("$name", album.Name), ("$image", image))
            ?? Find("UPDATE Albums SET ImageUrl = IFNULL(ImageUrl, $image) WHERE ArtistId = $artist AND Name = $name RETURNING Id",
                ("$artist", artistId), ("$name", album.Name), ("$image", image))
            ?? Find("INSERT INTO Albums (Name, ArtistId, SpotifyId, ImageUrl) VALUES ($name, $artist, $id, $image) RETURNING Id",
                ("$name", album.Name), ("$artist", artistId), ("$id", Db(album.Id)), ("$image", image))!.Value;
    }

    private static object Db(string? value) => (object?)value ?? DBNull.Value;

    public long? Find(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}
