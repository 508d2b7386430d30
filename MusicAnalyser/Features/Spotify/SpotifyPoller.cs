using System.Globalization;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Spotify;

/// <summary>What the last polls did, for the Status page.</summary>
public sealed class SpotifyPollStatus
{
    public DateTimeOffset? LastPoll { get; internal set; }
    public int LastAdded { get; internal set; }
    public long AddedSinceStart { get; internal set; }
    public string? LastError { get; internal set; }

    /// <summary>A full page came back: more than 50 plays may have passed since the poll before (the next export fills them).</summary>
    public bool MayHaveMissedPlays { get; internal set; }
}

/// <summary>
/// One poll of recently-played: asks for the plays after the saved cursor, stores them, and only then saves
/// the new cursor, so a failure anywhere never skips a play. Not connected, or connection refused: nothing is
/// asked and the reason is kept for the Status page.
/// </summary>
public sealed class SpotifyPoller(
    SpotifyAuthorization authorization, SpotifyAccount account, SpotifyApiClient api, SpotifyPlayRecorder recorder, SpotifyPollStatus status,
    IOptions<StorageOptions> storage, TimeProvider time, ILogger<SpotifyPoller> logger)
{
    private string CursorPath => Path.Combine(storage.Value.DataDirectory, "spotify-cursor.txt");

    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        status.LastPoll = time.GetUtcNow();
        try
        {
            var token = await authorization.AccessTokenAsync(cancellationToken);
            var page = await api.RecentlyPlayedAsync(token, ReadCursor(), cancellationToken);
            if (recorder.Record(page) is not { } outcome)
            {
                // The cursor stands: the next poll asks for the same plays again.
                status.LastError = "An import is running: this poll's plays are stored at the next poll after it.";
                return;
            }
            if (page.Cursors?.After is { } after && long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                await File.WriteAllTextAsync(CursorPath, cursor.ToString(CultureInfo.InvariantCulture), cancellationToken);
            }
            status.LastAdded = outcome.Added;
            status.AddedSinceStart += outcome.Added;
            status.MayHaveMissedPlays = page.Items.Count >= 50;
            status.LastError = null;
            logger.LogInformation("Spotify poll: {Added} new plays, {Known} already known", outcome.Added, outcome.AlreadyKnown);
            await account.EnsureProfileAsync(token, cancellationToken);
        }
        catch (SpotifyReconnectRequiredException)
        {
            // Not connected, or Spotify wants a new sign-in: a state the connection line and the banner show, not an error
            // that would linger once the person connects.
            status.LastError = null;
        }
        catch (SpotifyUnauthorizedException e)
        {
            // The access token was refused early (revoked, say): refresh it on the next poll instead of reusing it.
            authorization.ExpireAccessToken();
            status.LastError = $"Spotify could not be polled: {e.Message}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            // Nothing was stored and the cursor stands: the next poll asks for the same plays again.
            status.LastError = $"Spotify could not be polled: {e.Message}";
            logger.LogWarning("Spotify poll failed: {Error}", e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Anything else (an answer that is not what Spotify sends, the database refusing): said, not hidden in a log.
            status.LastError = $"Spotify's plays could not be stored: {e.Message}";
            logger.LogError(e, "Spotify poll failed");
        }
    }

    private long? ReadCursor() =>
        File.Exists(CursorPath) && long.TryParse(File.ReadAllText(CursorPath), NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) ? cursor : null;
}
