using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;

namespace MusicAnalyser.Features.Spotify;

/// <summary>The access token was refused (expired or revoked): refresh it, or ask the person to reconnect.</summary>
public sealed class SpotifyUnauthorizedException(string message) : Exception(message);

/// <summary>
/// Spotify's Web API, one typed client for every call. Retries and waits live in its resilience handler
/// (see <see cref="SpotifyServices"/>): by the time a call here fails, Spotify has been asked enough.
/// </summary>
public sealed class SpotifyApiClient(HttpClient http)
{
    /// <summary>The last (up to) 50 plays after <paramref name="afterUnixMs"/>, oldest cursor first.</summary>
    public async Task<RecentlyPlayedPage> RecentlyPlayedAsync(string accessToken, long? afterUnixMs, CancellationToken cancellationToken) =>
        await GetAsync(accessToken,
            "v1/me/player/recently-played?limit=50" + (afterUnixMs is { } after ? "&after=" + after.ToString(CultureInfo.InvariantCulture) : ""),
            SpotifyJsonContext.Default.RecentlyPlayedPage, cancellationToken, unknownIsNull: false)
        ?? new RecentlyPlayedPage([], null, null);

    public async Task<SpotifyProfile> ProfileAsync(string accessToken, CancellationToken cancellationToken) =>
        await GetAsync(accessToken, "v1/me", SpotifyJsonContext.Default.SpotifyProfile, cancellationToken, unknownIsNull: false)
        ?? throw new HttpRequestException("Spotify sent no profile.");

    /// <summary>One track; null when Spotify has no such track (removed from the catalogue).</summary>
    public Task<SpotifyTrack?> TrackAsync(string accessToken, string id, CancellationToken cancellationToken) =>
        GetAsync(accessToken, "v1/tracks/" + Uri.EscapeDataString(id), SpotifyJsonContext.Default.SpotifyTrack, cancellationToken);

    /// <summary>One artist; null when Spotify has no such artist.</summary>
    public Task<SpotifyArtist?> ArtistAsync(string accessToken, string id, CancellationToken cancellationToken) =>
        GetAsync(accessToken, "v1/artists/" + Uri.EscapeDataString(id), SpotifyJsonContext.Default.SpotifyArtist, cancellationToken);

    /// <summary>
    /// Up to 50 tracks in one call (apps with extended access only), in the order asked, null for unknown ids;
    /// the whole answer null when Spotify refuses the call (any malformed id makes it a 400).
    /// </summary>
    public async Task<IReadOnlyList<SpotifyTrack?>?> TracksAsync(string accessToken, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        (await GetAsync(accessToken, "v1/tracks?ids=" + Ids(ids), SpotifyJsonContext.Default.SpotifyTracks, cancellationToken))?.Tracks;

    /// <summary>Up to 50 artists in one call, as <see cref="TracksAsync"/>.</summary>
    public async Task<IReadOnlyList<SpotifyArtist?>?> ArtistsAsync(string accessToken, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        (await GetAsync(accessToken, "v1/artists?ids=" + Ids(ids), SpotifyJsonContext.Default.SpotifyArtists, cancellationToken))?.Artists;

    private static string Ids(IReadOnlyList<string> ids) => string.Join(",", ids.Select(Uri.EscapeDataString));

    /// <summary>GETs and reads the answer; with <paramref name="unknownIsNull"/>, null for a 404 or 400 (Spotify's answer to an id it does not know).</summary>
    private async Task<T?> GetAsync<T>(string accessToken, string path, JsonTypeInfo<T> type, CancellationToken cancellationToken, bool unknownIsNull = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
                throw new SpotifyUnauthorizedException("Spotify refused the access token (401).");
            case HttpStatusCode.Forbidden:
                throw new HttpRequestException(
                    "Spotify refused the request (403). An app in development mode answers only the accounts added under User Management in its dashboard.",
                    null, HttpStatusCode.Forbidden);
            case HttpStatusCode.NotFound or HttpStatusCode.BadRequest when unknownIsNull:
                return default;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(type, cancellationToken);
    }
}
