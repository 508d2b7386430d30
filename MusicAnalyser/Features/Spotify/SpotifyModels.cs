using System.Text.Json.Serialization;

namespace MusicAnalyser.Features.Spotify;

// The parts of Spotify Web API answers the app uses (snake_case on the wire).

public sealed record SpotifyImage(string Url, int? Width, int? Height)
{
    /// <summary>The picture to show: the one nearest 300 px wide (Spotify lists 640, 300 and 64 px versions).</summary>
    public static string? Pick(IReadOnlyList<SpotifyImage>? images) =>
        images?.OrderBy(i => Math.Abs((i.Width ?? 300) - 300)).FirstOrDefault()?.Url;
}

/// <summary>An artist as a track names it; a local file's artist has no id.</summary>
public sealed record SpotifyArtistRef(string? Id, string Name);

public sealed record SpotifyAlbum(string? Id, string Name, IReadOnlyList<SpotifyImage>? Images, IReadOnlyList<SpotifyArtistRef>? Artists);

public sealed record SpotifyExternalIds(string? Isrc);

/// <summary>A track; a local file (<c>is_local</c>) has no id, and neither do its artists and album.</summary>
public sealed record SpotifyTrack(string? Id, string Name, int DurationMs, IReadOnlyList<SpotifyArtistRef> Artists, SpotifyAlbum? Album, SpotifyExternalIds? ExternalIds);

public sealed record SpotifyContext(string? Type, string? Uri);

/// <summary>A full artist (<c>GET /v1/artists/{id}</c>): the genres and picture exports lack.</summary>
public sealed record SpotifyArtist(string Id, string Name, IReadOnlyList<string>? Genres, IReadOnlyList<SpotifyImage>? Images);

/// <summary>Who is connected (<c>GET /v1/me</c>).</summary>
public sealed record SpotifyProfile(string Id, string? DisplayName)
{
    public string Describe() => string.IsNullOrWhiteSpace(DisplayName) || DisplayName == Id ? Id : $"{DisplayName} ({Id})";
}

/// <summary><c>GET /v1/tracks?ids=</c> (extended access only): one entry per id asked, null for an unknown id.</summary>
public sealed record SpotifyTracks(IReadOnlyList<SpotifyTrack?> Tracks);

/// <summary><c>GET /v1/artists?ids=</c> (extended access only): one entry per id asked, null for an unknown id.</summary>
public sealed record SpotifyArtists(IReadOnlyList<SpotifyArtist?> Artists);

public sealed record PlayHistoryItem(SpotifyTrack Track, DateTimeOffset PlayedAt, SpotifyContext? Context);

public sealed record SpotifyCursors(string? After, string? Before);

/// <summary>A page of <c>GET /v1/me/player/recently-played</c>; <see cref="Cursors"/> is null for an empty page.</summary>
public sealed record RecentlyPlayedPage(IReadOnlyList<PlayHistoryItem> Items, SpotifyCursors? Cursors, string? Next);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RecentlyPlayedPage))]
[JsonSerializable(typeof(SpotifyTrack))]
[JsonSerializable(typeof(SpotifyArtist))]
[JsonSerializable(typeof(SpotifyProfile))]
[JsonSerializable(typeof(SpotifyTracks))]
[JsonSerializable(typeof(SpotifyArtists))]
internal sealed partial class SpotifyJsonContext : JsonSerializerContext;
