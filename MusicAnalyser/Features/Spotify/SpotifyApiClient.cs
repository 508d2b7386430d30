using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

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
    public async Task<RecentlyPlayedPage> RecentlyPlayedAsync(string accessToken, long? afterUnixMs, CancellationToken cancellationToken)
    {
        var path = "v1/me/player/recently-played?limit=50" + (afterUnixMs is { } after ? "&after=" + after.ToString(CultureInfo.InvariantCulture) : "");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new SpotifyUnauthorizedException("Spotify refused the access token (401).");
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(SpotifyJsonContext.Default.RecentlyPlayedPage, cancellationToken)
            ?? new RecentlyPlayedPage([], null, null);
    }
}
