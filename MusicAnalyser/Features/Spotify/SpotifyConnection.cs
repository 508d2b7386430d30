namespace MusicAnalyser.Features.Spotify;

public enum SpotifyConnectionState { NotConnected, Connected, NeedsReconnect }

/// <summary>Whether Spotify is connected, for the Settings page and the "Reconnect Spotify" banner on every page.</summary>
public sealed class SpotifyConnection(SpotifyTokenStore tokens)
{
    public SpotifyConnectionState State => tokens.Read() switch
    {
        null => SpotifyConnectionState.NotConnected,
        { NeedsReconnect: true } => SpotifyConnectionState.NeedsReconnect,
        _ => SpotifyConnectionState.Connected,
    };

    /// <summary>Whose account it is, once Spotify has said.</summary>
    public SpotifyProfile? Profile => tokens.Read()?.Profile;

    public DateTimeOffset? ConnectedAt => tokens.Read()?.ConnectedAt;
}
