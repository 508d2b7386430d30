// The listening model: plays and the catalogue they point at, as imported from exports and (later) the Web API.
namespace MusicAnalyser.Data;

/// <summary>What a play was of. Music statistics only ever count <see cref="Music"/>.</summary>
public enum PlayKind : byte
{
    Music = 1,
    Podcast = 2,
    Audiobook = 3,
    Video = 4,
}

/// <summary>Where a play was learned from.</summary>
public enum PlaySource : byte
{
    ExtendedHistory = 1,
    AccountData = 2,
    WebApi = 3,
}

public sealed class Play
{
    public long Id { get; set; }
    public PlayKind Kind { get; set; }
    public PlaySource Source { get; set; }
    public int? TrackId { get; set; }
    public Track? Track { get; set; }
    public int? EpisodeId { get; set; }
    public Episode? Episode { get; set; }
    public int? ChapterId { get; set; }
    public Chapter? Chapter { get; set; }

    /// <summary>When playback ended, UTC; stored as Unix seconds.</summary>
    public DateTime EndedAt { get; set; }
    public int MsPlayed { get; set; }

    /// <summary>Tells apart rows of one file that are otherwise identical: 0 for the first, 1 for the next ...</summary>
    public int Seq { get; set; }

    public int? ReasonStartId { get; set; }
    public Reason? ReasonStart { get; set; }
    public int? ReasonEndId { get; set; }
    public Reason? ReasonEnd { get; set; }
    public int? PlatformId { get; set; }
    public Platform? Platform { get; set; }
    public int? CountryId { get; set; }
    public Country? Country { get; set; }
    public bool? Shuffle { get; set; }
    public bool? Skipped { get; set; }
    public bool? Offline { get; set; }

    /// <summary>Unix milliseconds; exports give seconds or milliseconds, both are normalised to ms, 0 to null.</summary>
    public long? OfflineTimestamp { get; set; }
    public bool? IncognitoMode { get; set; }

    public int? ImportFileId { get; set; }
    public ImportFile? ImportFile { get; set; }
}

public sealed class Artist
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? SpotifyId { get; set; }

    /// <summary>Spotify's picture of the artist (about 300 px), from its metadata.</summary>
    public string? ImageUrl { get; set; }

    /// <summary>When Spotify's metadata (genres, image) was fetched, or found missing; null while it is still to fetch.</summary>
    public DateTime? MetadataAt { get; set; }
    public List<TrackArtist> Tracks { get; } = [];
}

/// <summary>A genre name, stored once (Spotify gives genres per artist).</summary>
public sealed class Genre
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

/// <summary>An artist's genre, from Spotify's artist metadata; exports carry none.</summary>
public sealed class ArtistGenre
{
    public int ArtistId { get; set; }
    public Artist? Artist { get; set; }
    public int GenreId { get; set; }
    public Genre? Genre { get; set; }
}

public sealed class Album
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? ArtistId { get; set; }
    public Artist? Artist { get; set; }
    public string? SpotifyId { get; set; }

    /// <summary>The album cover (about 300 px), from Spotify's metadata.</summary>
    public string? ImageUrl { get; set; }
}

public sealed class Track
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The bare id of <c>spotify:track:ID</c>; null for tracks known only by name (account data, local files).</summary>
    public string? SpotifyId { get; set; }

    /// <summary>The artist the export credits (its album artist); statistics attribute plays to this artist.</summary>
    public int ArtistId { get; set; }
    public Artist? Artist { get; set; }
    public int? AlbumId { get; set; }
    public Album? Album { get; set; }
    public int? DurationMs { get; set; }
    public string? Isrc { get; set; }

    /// <summary>When Spotify's metadata was fetched (by a poll or the backfill), or found missing; null while it is still to fetch.</summary>
    public DateTime? MetadataAt { get; set; }
    public List<TrackArtist> Artists { get; } = [];
}

/// <summary>Every artist credited on a track, in credit order, from Spotify metadata (exports name one artist, kept in <see cref="Track.ArtistId"/>).</summary>
public sealed class TrackArtist
{
    public int TrackId { get; set; }
    public Track? Track { get; set; }
    public int ArtistId { get; set; }
    public Artist? Artist { get; set; }
    public int Position { get; set; }
}

/// <summary>What a live-captured play was started from (a playlist, album, artist ...), stored once.</summary>
public sealed class PlayContext
{
    public int Id { get; set; }

    /// <summary>"playlist", "album", "artist", "show" ...</summary>
    public required string Type { get; set; }
    public required string Uri { get; set; }
}

/// <summary>
/// The context of a play, for the plays that have one (only the Web API gives it). Kept beside Plays so that
/// the many exported plays pay nothing for it.
/// </summary>
public sealed class PlayContextLink
{
    public long PlayId { get; set; }
    public Play? Play { get; set; }
    public int ContextId { get; set; }
    public PlayContext? Context { get; set; }
}

/// <summary>
/// A counter that moves when something outside the plays changes (Spotify metadata: genres, images), so the
/// dashboard's data version, and with it every cached fragment, moves too.
/// </summary>
public sealed class DataCounter
{
    /// <summary>Moves whenever Spotify metadata (genres, pictures, credits) is written.</summary>
    public const string SpotifyMetadata = "spotify-metadata";

    public required string Name { get; set; }
    public long Value { get; set; }
}

public sealed class Show
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? SpotifyId { get; set; }
}

public sealed class Episode
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? SpotifyId { get; set; }
    public int ShowId { get; set; }
    public Show? Show { get; set; }
}

public sealed class Audiobook
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Author { get; set; }
    public string? SpotifyId { get; set; }
}

public sealed class Chapter
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? SpotifyId { get; set; }
    public int AudiobookId { get; set; }
    public Audiobook? Audiobook { get; set; }
}

/// <summary>A client platform string as the export gives it, stored once.</summary>
public sealed class Platform
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

public sealed class Country
{
    public int Id { get; set; }
    public required string Code { get; set; }
}

/// <summary>A reason_start / reason_end value ("trackdone", "fwdbtn" ...), stored once.</summary>
public sealed class Reason
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

public sealed class ImportRun
{
    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>"cli" or "web".</summary>
    public required string Origin { get; set; }
    public int Files { get; set; }
    public long Entries { get; set; }
    public long Added { get; set; }
    public long Duplicates { get; set; }

    /// <summary>The whole summary as the command prints it, for the Import page's history.</summary>
    public string? SummaryJson { get; set; }
    public List<ImportFile> FileResults { get; } = [];
}

public sealed class ImportFile
{
    public int Id { get; set; }
    public int ImportRunId { get; set; }
    public ImportRun? ImportRun { get; set; }

    /// <summary>The file's path inside the zip or folder, as the person would recognise it.</summary>
    public required string Name { get; set; }
    public required string Format { get; set; }
    public long Entries { get; set; }
    public long Added { get; set; }
    public long Duplicates { get; set; }

    /// <summary>Account-data plays this file's extended history superseded (the same play, richer record).</summary>
    public long Replaced { get; set; }
    public string? SkippedJson { get; set; }

    /// <summary>Why the file was rejected; null when it was imported.</summary>
    public string? Error { get; set; }

    /// <summary>The time span of the file's plays, so overlapping account data and extended history are found cheaply.</summary>
    public DateTime? FirstPlayAt { get; set; }
    public DateTime? LastPlayAt { get; set; }
}
