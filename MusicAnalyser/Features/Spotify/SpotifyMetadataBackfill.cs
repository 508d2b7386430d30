using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Spotify;

/// <summary>What the metadata backfill did last, for the Status page.</summary>
public sealed class SpotifyMetadataStatus
{
    public DateTimeOffset? LastRun { get; internal set; }
    public long FetchedSinceStart { get; internal set; }
    public string? LastError { get; internal set; }
}

/// <summary>
/// Fills in what exports lack for the tracks and artists they name: a track's credits, album, cover, duration
/// and ISRC (<c>GET /v1/tracks/{id}</c>), then each artist's genres and picture (<c>GET /v1/artists/{id}</c>).
/// Development-mode apps may only ask for one item per call, so calls are paced; the most played come first.
/// Each item is committed as it arrives and marked done, so a stop (or a failure) resumes where it was.
/// </summary>
public sealed class SpotifyMetadataBackfill(
    SpotifyAuthorization authorization, SpotifyApiClient api, SqliteDatabase database, SpotifyMetadataStatus status,
    IOptions<SpotifyOptions> options, TimeProvider time, ILogger<SpotifyMetadataBackfill> logger)
{
    // Spotify's batch endpoints take up to 50 ids; the queue is read in slices this size too.
    private const int Batch = 50;
    private const int Slice = 500;

    /// <summary>Fills in metadata for at most <paramref name="budget"/>; the next run goes on from there.</summary>
    public async Task RunAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + budget;
        status.LastRun = time.GetUtcNow();
        var filled = status.FetchedSinceStart;
        try
        {
            // Not connected: stop before reading the queue.
            await authorization.AccessTokenAsync(cancellationToken);
            while (time.GetUtcNow() < until)
            {
                // Artists first: their ids come from the tracks filled in before, and their genres fill the genre panel.
                var artists = Pending(PendingArtistsSql);
                var tracks = artists.Count > 0 ? [] : Pending(PendingTracksSql);
                if (artists.Count == 0 && tracks.Count == 0)
                {
                    break;
                }
                foreach (var batch in (artists.Count > 0 ? artists : tracks).Chunk(options.Value.ExtendedApiAccess ? Batch : 1))
                {
                    if (time.GetUtcNow() >= until)
                    {
                        break;
                    }
                    if (artists.Count > 0)
                    {
                        await FillArtistsAsync(batch, cancellationToken);
                    }
                    else
                    {
                        await FillTracksAsync(batch, cancellationToken);
                    }
                    await Task.Delay(options.Value.MetadataPace, time, cancellationToken);
                }
            }
            status.LastError = null;
        }
        catch (SpotifyReconnectRequiredException)
        {
            // Not connected: the connection line on the Status page says so.
        }
        catch (SpotifyUnauthorizedException e)
        {
            authorization.ExpireAccessToken();
            status.LastError = $"Filling in metadata stopped: {e.Message}";
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            status.LastError = $"Filling in metadata stopped, to go on at the next run: {e.Message}";
            logger.LogWarning("Spotify metadata backfill stopped: {Error}", e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping; everything fetched so far is stored.
        }
        finally
        {
            if (status.FetchedSinceStart != filled)
            {
                MetadataChanged();
            }
        }
    }

    private async Task FillTracksAsync(string[] ids, CancellationToken cancellationToken)
    {
        var token = await authorization.AccessTokenAsync(cancellationToken);
        IReadOnlyList<SpotifyTrack?> found = ids.Length == 1
            ? [await api.TrackAsync(token, ids[0], cancellationToken)]
            : await api.TracksAsync(token, ids, cancellationToken);
        Write((catalog, i) =>
        {
            if (found.ElementAtOrDefault(i) is { } track)
            {
                catalog.Track(track);
            }
            // The answer may name another id (Spotify relinks moved tracks): the one asked for is done either way.
            catalog.TrackLookedUp(ids[i]);
        }, ids.Length);
    }

    private async Task FillArtistsAsync(string[] ids, CancellationToken cancellationToken)
    {
        var token = await authorization.AccessTokenAsync(cancellationToken);
        IReadOnlyList<SpotifyArtist?> found = ids.Length == 1
            ? [await api.ArtistAsync(token, ids[0], cancellationToken)]
            : await api.ArtistsAsync(token, ids, cancellationToken);
        Write((catalog, i) =>
        {
            if (found.ElementAtOrDefault(i) is { } artist)
            {
                catalog.ArtistDetails(artist);
            }
            catalog.ArtistLookedUp(ids[i]);
        }, ids.Length);
    }

    private void Write(Action<SpotifyCatalogWriter, int> write, int count)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var catalog = new SpotifyCatalogWriter(connection, transaction, time.GetUtcNow());
        for (var i = 0; i < count; i++)
        {
            write(catalog, i);
        }
        transaction.Commit();
        status.FetchedSinceStart += count;
    }

    // Moved once per run that filled something, not per item: each move makes the dashboard reload its data.
    private void MetadataChanged()
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        new SpotifyCatalogWriter(connection, transaction, time.GetUtcNow()).MetadataChanged();
        transaction.Commit();
    }

    // The most played first: one pass over the plays per slice, cheap next to the paced calls it feeds.
    private const string PendingTracksSql = """
        SELECT t.SpotifyId FROM Tracks t
        LEFT JOIN (SELECT TrackId, COUNT(*) AS n FROM Plays WHERE Kind = 1 GROUP BY TrackId) c ON c.TrackId = t.Id
        WHERE t.SpotifyId IS NOT NULL AND t.MetadataAt IS NULL
        ORDER BY IFNULL(c.n, 0) DESC, t.Id LIMIT $slice
        """;

    private const string PendingArtistsSql = """
        SELECT a.SpotifyId FROM Artists a
        LEFT JOIN (SELECT t.ArtistId, COUNT(*) AS n FROM Plays p JOIN Tracks t ON t.Id = p.TrackId WHERE p.Kind = 1 GROUP BY t.ArtistId) c ON c.ArtistId = a.Id
        WHERE a.SpotifyId IS NOT NULL AND a.MetadataAt IS NULL
        ORDER BY IFNULL(c.n, 0) DESC, a.Id LIMIT $slice
        """;

    private List<string> Pending(string sql)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$slice", Slice);
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
