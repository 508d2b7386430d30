using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace MusicAnalyser.Features.Spotify;

/// <summary>Spotify refused the refresh token: the person must connect again (nothing stored is lost).</summary>
public sealed class SpotifyReconnectRequiredException(string message) : Exception(message);

/// <summary>
/// The authorization code flow with PKCE (S256) and state against Spotify's accounts service, and the
/// access token's upkeep: refreshed a minute before it expires, the refresh token kept when Spotify sends
/// no new one, and a refused refresh turned into "reconnect" rather than an error loop.
/// </summary>
public sealed class SpotifyAuthorization(IHttpClientFactory clients, IOptions<SpotifyOptions> options, SpotifyApp app, SpotifyTokenStore store, TimeProvider time) : IDisposable
{
    public const string AccountsClient = "spotify-accounts";
    public const string Scopes = "user-read-recently-played user-top-read";
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string Verifier, Uri RedirectUri, DateTimeOffset Started)> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    /// <summary>Where to send the person to approve the app; the verifier waits here for the callback.</summary>
    public Uri Start(Uri redirectUri)
    {
        var clientId = ClientId();
        foreach (var stale in _pending.Where(p => time.GetUtcNow() - p.Value.Started > PendingLifetime).Select(p => p.Key).ToList())
        {
            _pending.TryRemove(stale, out _);
        }
        var state = Base64Url(RandomNumberGenerator.GetBytes(24));
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(64));
        _pending[state] = (verifier, redirectUri, time.GetUtcNow());
        var query = string.Join("&", new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri.ToString(),
            ["code_challenge_method"] = "S256",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["state"] = state,
            ["scope"] = Scopes,
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return new Uri(options.Value.AccountsBaseUrl, "authorize?" + query);
    }

    /// <summary>The callback: checks the state, trades the code for tokens and stores them.</summary>
    public async Task CompleteAsync(string code, string state, CancellationToken cancellationToken)
    {
        if (!_pending.TryRemove(state, out var pending) || time.GetUtcNow() - pending.Started > PendingLifetime)
        {
            throw new InvalidOperationException("This sign-in link is unknown or too old. Start connecting again.");
        }
        var tokens = await TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = pending.RedirectUri.ToString(),
            ["code_verifier"] = pending.Verifier,
        }, cancellationToken) ?? throw new InvalidOperationException("Spotify refused the sign-in. Start connecting again.");
        store.Save(Tokens(tokens, previousRefreshToken: null) with { ConnectedAt = time.GetUtcNow() });
    }

    /// <summary>A valid access token, refreshed when it is about to expire.</summary>
    /// <exception cref="SpotifyReconnectRequiredException">not connected, or Spotify refused the refresh token.</exception>
    public async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        var tokens = store.Read() ?? throw new SpotifyReconnectRequiredException("Spotify is not connected.");
        if (tokens.NeedsReconnect)
        {
            throw new SpotifyReconnectRequiredException("Spotify needs to be connected again.");
        }
        if (tokens.ExpiresAt - RefreshAhead > time.GetUtcNow())
        {
            return tokens.AccessToken;
        }
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            tokens = store.Read()!;
            if (tokens.ExpiresAt - RefreshAhead > time.GetUtcNow())
            {
                return tokens.AccessToken; // another caller refreshed meanwhile
            }
            var refreshed = await TokenRequestAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = tokens.RefreshToken,
            }, cancellationToken);
            if (refreshed is null)
            {
                // Only the connection that was refused: someone may have connected afresh meanwhile.
                store.Update(current => current.RefreshToken == tokens.RefreshToken ? current with { NeedsReconnect = true } : current);
                throw new SpotifyReconnectRequiredException("Spotify no longer accepts this connection (revoked, or older than six months). Connect again.");
            }
            var saved = Tokens(refreshed, tokens.RefreshToken);
            store.Update(current => current.RefreshToken == tokens.RefreshToken ? saved with { Profile = current.Profile, ConnectedAt = current.ConnectedAt } : current);
            return saved.AccessToken;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>POSTs to the token endpoint; null when Spotify answers invalid_grant (the grant is gone).</summary>
    private async Task<TokenResponse?> TokenRequestAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var credentials = app.Current();
        form["client_id"] = ClientId();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.AccountsBaseUrl, "api/token")) { Content = new FormUrlEncodedContent(form) };
        if (!string.IsNullOrEmpty(credentials.ClientSecret))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.ClientId}:{credentials.ClientSecret}")));
        }
        using var response = await clients.CreateClient(AccountsClient).SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest
            && await response.Content.ReadFromJsonAsync(TokenJsonContext.Default.TokenError, cancellationToken) is { Error: "invalid_grant" })
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(TokenJsonContext.Default.TokenResponse, cancellationToken)
            ?? throw new InvalidOperationException("Spotify's token endpoint answered nothing.");
    }

    private SpotifyTokens Tokens(TokenResponse response, string? previousRefreshToken) => new(
        response.AccessToken,
        response.RefreshToken ?? previousRefreshToken ?? throw new InvalidOperationException("Spotify sent no refresh token."),
        time.GetUtcNow().AddSeconds(response.ExpiresIn),
        response.Scope ?? Scopes);

    /// <summary>Spotify refused the access token before its time: the next call refreshes it.</summary>
    public void ExpireAccessToken()
    {
        store.Update(tokens => tokens with { ExpiresAt = time.GetUtcNow() });
    }

    /// <summary>Disconnect: forget the tokens; every play already stored stays.</summary>
    public void Disconnect() => store.Delete();

    private string ClientId() => app.Current() is { HasClientId: true } credentials
        ? credentials.ClientId!
        : throw new InvalidOperationException("Enter your Spotify app's Client ID first.");

    public void Dispose() => _refreshing.Dispose();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed record TokenResponse(string AccessToken, string? RefreshToken, int ExpiresIn, string? Scope, string? TokenType);

internal sealed record TokenError(string? Error, string? ErrorDescription);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenError))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
