namespace MusicAnalyser.Features.Spotify;

/// <summary>
/// Whose Spotify is connected: finishes a sign-in and learns the account (<c>GET /v1/me</c>), kept with the
/// tokens so the Settings and Status pages can say "connected as ...".
/// </summary>
public sealed class SpotifyAccount(SpotifyAuthorization authorization, SpotifyApiClient api, SpotifyTokenStore store, ILogger<SpotifyAccount> logger)
{
    public SpotifyProfile? Profile => store.Read()?.Profile;

    /// <summary>The callback: tokens first; the account's name is a nicety that a later poll can still fetch.</summary>
    public async Task ConnectAsync(string code, string state, CancellationToken cancellationToken)
    {
        await authorization.CompleteAsync(code, state, cancellationToken);
        try
        {
            await LearnProfileAsync(await authorization.AccessTokenAsync(cancellationToken), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("Connected, but Spotify did not say whose account it is: {Error}", e.Message);
        }
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
            await LearnProfileAsync(accessToken, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("Spotify did not say whose account is connected: {Error}", e.Message);
        }
    }

    private async Task LearnProfileAsync(string accessToken, CancellationToken cancellationToken)
    {
        var profile = await api.ProfileAsync(accessToken, cancellationToken);
        if (store.Read() is { } tokens)
        {
            store.Save(tokens with { Profile = profile });
        }
    }
}
