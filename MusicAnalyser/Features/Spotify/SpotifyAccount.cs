namespace MusicAnalyser.Features.Spotify;

/// <summary>
/// Whose Spotify is connected: finishes a sign-in and learns the account (<c>GET /v1/me</c>), kept with the
/// tokens so the Settings and Status pages can say "connected as ...".
/// </summary>
public sealed class SpotifyAccount(SpotifyAuthorization authorization, SpotifyApiClient api, SpotifyTokenStore store, ILogger<SpotifyAccount> logger)
{
    /// <summary>The callback: tokens first; the account's name is a nicety that a later poll can still fetch.</summary>
    public async Task ConnectAsync(string code, string state, CancellationToken cancellationToken)
    {
        await authorization.CompleteAsync(code, state, cancellationToken);
        await EnsureProfileAsync(await authorization.AccessTokenAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Fetches the account's name once per connection; a failure is logged and tried again next time.</summary>
    public async Task EnsureProfileAsync(string accessToken, CancellationToken cancellationToken)
    {
        if (store.Read() is not { Profile: null })
        {
            return;
        }
        try
        {
            var profile = await api.ProfileAsync(accessToken, cancellationToken);
            store.Update(tokens => tokens with { Profile = profile });
        }
        catch (Exception e) when (e is HttpRequestException or SpotifyUnauthorizedException or Polly.Timeout.TimeoutRejectedException or System.Text.Json.JsonException)
        {
            logger.LogWarning("Spotify did not say whose account is connected: {Error}", e.Message);
        }
    }
}
