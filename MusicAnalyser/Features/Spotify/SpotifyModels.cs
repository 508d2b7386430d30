using System.Text.Json.Serialization;

namespace MusicAnalyser.Features.Spotify;

// The parts of Spotify Web API answers the app uses (snake_case on the wire).

public sealed record SpotifyImage(string Url, int? Width, int? Height);

public sealed record SpotifyArtistRef(string Id, string Name);

public sealed record SpotifyAlbum(string Id, string Name, IReadOnlyList<SpotifyImage>? Images, IReadOnlyList<SpotifyArtistRef>? Artists);

public sealed record SpotifyExternalIds(string? Isrc);

public sealed record SpotifyTrack(string Id, string Name, int DurationMs, IReadOnlyList<SpotifyArtistRef> Artists, SpotifyAlbum? Album, SpotifyExternalIds? ExternalIds);

public sealed record SpotifyContext(string? Type, string? Uri);

public sealed record PlayHistoryItem(SpotifyTrack Track, DateTimeOffset PlayedAt, SpotifyContext? Context);

public sealed record SpotifyCursors(string? After, string? Before);

/// <summary>A page of <c>GET /v1/me/player/recently-played</c>; <see cref="Cursors"/> is null for an empty page.</summary>
public sealed record RecentlyPlayedPage(IReadOnlyList<PlayHistoryItem> Items, SpotifyCursors? Cursors, string? Next);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RecentlyPlayedPage))]
[JsonSerializable(typeof(SpotifyTrack))]
internal sealed partial class SpotifyJsonContext : JsonSerializerContext;
