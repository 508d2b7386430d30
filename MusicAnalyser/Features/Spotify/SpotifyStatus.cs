using Microsoft.Extensions.Options;
using MusicAnalyser.Data;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Features.Spotify;

/// <summary>What the Status page says about live capture.</summary>
public sealed record SpotifyStatusReport(
    SpotifyConnectionState Connection,
    DateTimeOffset? LastPoll,
    DateTimeOffset? NextPoll,
    long CapturedToday,
    string? LastError,
    DateTimeOffset? RateLimitedUntil,
    bool MayHaveMissedPlays);

/// <summary>Gathers the Status page's figures: connection, polls, today's captured plays, errors and waits.</summary>
public sealed class SpotifyStatus(
    SpotifyConnection connection, SpotifyPollStatus polls, SpotifyRateLimit rateLimit, SqliteDatabase database,
    IOptions<SpotifyOptions> spotify, IOptions<ListeningOptions> listening, TimeProvider time)
{
    public SpotifyStatusReport Report()
    {
        var zone = listening.Value.ResolveZone();
        var today = LocalDays.Today(time, zone);
        using var db = database.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Plays WHERE Source = 3 AND EndedAt >= $from";
        command.Parameters.AddWithValue("$from", ListeningPeriod.StartOfDay(today, zone));
        var captured = (long)command.ExecuteScalar()!;
        return new SpotifyStatusReport(connection.State, polls.LastPoll, polls.LastPoll + spotify.Value.PollInterval, captured,
            polls.LastError, rateLimit.WaitingUntil, polls.MayHaveMissedPlays);
    }
}
