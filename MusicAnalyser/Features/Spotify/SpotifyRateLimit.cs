namespace MusicAnalyser.Features.Spotify;

/// <summary>What Spotify last asked us to wait for (a 429's Retry-After), for the Status page to say until when.</summary>
public sealed class SpotifyRateLimit(TimeProvider time)
{
    private long _waitUntilTicks;

    public DateTimeOffset? WaitingUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _waitUntilTicks);
            return ticks == 0 || ticks <= time.GetUtcNow().UtcTicks ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>The last wait asked for, even when it has passed.</summary>
    public TimeSpan? LastWait { get; private set; }

    internal void Waiting(TimeSpan wait)
    {
        LastWait = wait;
        Interlocked.Exchange(ref _waitUntilTicks, (time.GetUtcNow() + wait).UtcTicks);
    }
}
