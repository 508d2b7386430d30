using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Features.Spotify;

/// <summary>What the Status page says about live capture.</summary>
public sealed record SpotifyStatusReport(
    SpotifyConnectionState Connection,
    SpotifyProfile? ConnectedAs,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? LastPoll,
    DateTimeOffset? NextPoll,
    long CapturedToday,
    string? LastError,
    DateTimeOffset? RateLimitedUntil,
    bool MayHaveMissedPlays,
    SpotifyMetadataProgress Metadata,
    string? MetadataError);

/// <summary>How far the metadata backfill has come: tracks and artists filled in of those with a Spotify id, and those known by name only.</summary>
public sealed record SpotifyMetadataProgress(long TracksFilled, long TracksWithId, long TracksByNameOnly, long ArtistsFilled, long ArtistsWithId, long ArtistsByNameOnly);

/// <summary>Gathers the Status page's figures: connection, polls, today's captured plays, metadata progress, errors and waits.</summary>
public sealed class SpotifyStatus(
    SpotifyConnection connection, SpotifyPollStatus polls, SpotifyRateLimit rateLimit, SpotifyMetadataStatus metadata,
    SqliteDatabase database,
    IOptions<SpotifyOptions> spotify, IOptions<ListeningOptions> listening, TimeProvider time)
{
    public SpotifyStatusReport Report()
    {
        var zone = listening.Value.ResolveZone();
        var today = LocalDays.Today(time, zone);
        using var db = database.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Plays WHERE Source = 3 AND EndedAt >= $from AND EndedAt < $to";
        command.Parameters.AddWithValue("$from", ListeningPeriod.StartOfDay(today, zone));
        command.Parameters.AddWithValue("$to", ListeningPeriod.StartOfDay(today.AddDays(1), zone));
        var captured = (long)command.ExecuteScalar()!;
        return new SpotifyStatusReport(connection.State, connection.Profile, connection.ConnectedAt, polls.LastPoll, polls.LastPoll + spotify.Value.PollInterval, captured,
            polls.LastError, rateLimit.WaitingUntil, polls.MayHaveMissedPlays, MetadataProgress(db), metadata.LastError);
    }

    private static SpotifyMetadataProgress MetadataProgress(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM Tracks WHERE SpotifyId IS NOT NULL AND MetadataAt IS NOT NULL),
                   (SELECT COUNT(*) FROM Tracks WHERE SpotifyId IS NOT NULL),
                   (SELECT COUNT(*) FROM Tracks WHERE SpotifyId IS NULL),
                   (SELECT COUNT(*) FROM Artists WHERE SpotifyId IS NOT NULL AND MetadataAt IS NOT NULL),
                   (SELECT COUNT(*) FROM Artists WHERE SpotifyId IS NOT NULL),
                   (SELECT COUNT(*) FROM Artists WHERE SpotifyId IS NULL)
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new SpotifyMetadataProgress(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }
}
