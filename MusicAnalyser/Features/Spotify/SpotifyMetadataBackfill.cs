using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;
using MusicAnalyser.Features.Import;

namespace MusicAnalyser.Features.Spotify;

/// <summary>What the metadata backfill did last, for the Status page.</summary>
public sealed class SpotifyMetadataStatus
{
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
    // Spotify's batch endpoints take up to 50 ids; the queue is read in slices of this many.
    private const int Batch = 50;
    private const int Slice = 500;

    /// <summary>The run stopped early on purpose (an import started); the next run goes on.</summary>
    private sealed class PausedException(string message) : Exception(message);

    /// <summary>Fills in metadata for at most <paramref name="budget"/>; the next run goes on from there.</summary>
    public async Task RunAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + budget;
        var filled = status.FetchedSinceStart;
        try
        {
            // Not connected: stop before reading the queue.
            await authorization.AccessTokenAsync(cancellationToken);
            string? itemError = null;
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
                    itemError = (artists.Count > 0 ? await FillArtistsAsync(batch, cancellationToken) : await FillTracksAsync(batch, cancellationToken)) ?? itemError;
                    await Task.Delay(options.Value.MetadataPace, time, cancellationToken);
                }
            }
            status.LastError = itemError;
        }
        catch (SpotifyReconnectRequiredException)
        {
            // Not connected: the connection line on the Status page says so.
            status.LastError = null;
        }
        catch (SpotifyUnauthorizedException e)
        {
            authorization.ExpireAccessToken();
            status.LastError = $"Filling in metadata stopped: {e.Message}";
        }
        catch (PausedException e)
        {
            status.LastError = e.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping; everything fetched so far is stored.
        }
        catch (Exception e)
        {
            // Spotify out of reach or refusing, or the database busy: tried again at the next run.
            status.LastError = $"Filling in metadata stopped, to go on at the next run: {e.Message}";
            logger.LogWarning(e, "Spotify metadata backfill stopped");
        }
        finally
        {
            if (status.FetchedSinceStart != filled)
            {
                MetadataChanged();
            }
        }
    }

    // Moved once per run that filled something, not per item: each move makes the dashboard reload its data.
    // A database busy with an import is no reason to fail the run: the import's own change reloads everything.
    private void MetadataChanged()
    {
        try
        {
            using var connection = database.Open();
            using var transaction = connection.BeginTransaction();
            new SpotifyCatalogWriter(connection, transaction, time.GetUtcNow()).MetadataChanged();
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            logger.LogWarning("The dashboard could not be told about new metadata: {Error}", e.Message);
        }
    }

    private Task<string?> FillTracksAsync(string[] ids, CancellationToken cancellationToken) =>
        FillAsync(ids, api.TracksAsync, api.TrackAsync, (catalog, track) => catalog.Track(track), (catalog, id) => catalog.TrackLookedUp(id), cancellationToken);

    private Task<string?> FillArtistsAsync(string[] ids, CancellationToken cancellationToken) =>
        FillAsync(ids, api.ArtistsAsync, api.ArtistAsync, (catalog, artist) => catalog.ArtistDetails(artist), (catalog, id) => catalog.ArtistLookedUp(id), cancellationToken);

    /// <summary>Asks Spotify about <paramref name="ids"/> (one call for a batch, else one each) and stores the answers.</summary>
    /// <returns>Why an item could not be stored (it is skipped), or null.</returns>
    private async Task<string?> FillAsync<T>(
        string[] ids,
        Func<string, IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<T?>?>> getBatch,
        Func<string, string, CancellationToken, Task<T?>> getOne,
        Action<SpotifyCatalogWriter, T> store,
        Action<SpotifyCatalogWriter, string> lookedUp,
        CancellationToken cancellationToken)
        where T : class
    {
        var token = await authorization.AccessTokenAsync(cancellationToken);
        // A batch Spotify refuses as a whole (one malformed id makes it a 400) is asked for again one by one.
        var found = ids.Length > 1 && await getBatch(token, ids, cancellationToken) is { } batch
            ? batch
            : await OneByOneAsync(ids, id => getOne(token, id, cancellationToken), cancellationToken);
        return Write(ids, (catalog, i) =>
        {
            if (found.ElementAtOrDefault(i) is { } item)
            {
                store(catalog, item);
            }
            // The answer may name another id (Spotify relinks moved tracks): the one asked for is done either way.
            lookedUp(catalog, ids[i]);
        }, (catalog, i) => lookedUp(catalog, ids[i]));
    }

    private async Task<IReadOnlyList<T?>> OneByOneAsync<T>(string[] ids, Func<string, Task<T?>> get, CancellationToken cancellationToken)
    {
        var found = new T?[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (i > 0)
            {
                await Task.Delay(options.Value.MetadataPace, time, cancellationToken);
            }
            found[i] = await get(ids[i]);
        }
        return found;
    }

    /// <summary>
    /// Stores each answer in its own savepoint. One the database refuses is only marked as looked up (and the
    /// reason returned), so a single odd answer never blocks the queue behind it.
    /// </summary>
    private string? Write(string[] ids, Action<SpotifyCatalogWriter, int> write, Action<SpotifyCatalogWriter, int> skip)
    {
        // An import numbers new artists and albums itself: write nothing while one runs.
        using var importLock = ImportLock.TryAcquireForShortWrite(database.Path)
            ?? throw new PausedException("Filling in metadata waits for the running import to finish.");
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var catalog = new SpotifyCatalogWriter(connection, transaction, time.GetUtcNow());
        string? error = null;
        for (var i = 0; i < ids.Length; i++)
        {
            transaction.Save("item");
            try
            {
                write(catalog, i);
                transaction.Release("item");
            }
            catch (Exception e) when (e is not SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED })
            {
                try
                {
                    transaction.Rollback("item");
                    transaction.Release("item");
                }
                catch (SqliteException)
                {
                    // SQLite gave up the whole transaction (disk full, I/O error): the item's own error says why.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
                }
                skip(catalog, i);
                error = $"Spotify's answer for {ids[i]} could not be stored ({e.Message}); it was skipped.";
                logger.LogWarning(e, "Spotify metadata for {Id} could not be stored", ids[i]);
            }
        }
        transaction.Commit();
        status.FetchedSinceStart += ids.Length;
        return error;
    }

    // The most played first: one pass over the plays per slice, cheap next to the paced calls it feeds, and
    // skipped (the EXISTS) when nothing is left to fill in.
    private const string PendingTracksSql = """
        SELECT t.SpotifyId FROM Tracks t
        LEFT JOIN (SELECT TrackId, COUNT(*) AS n FROM Plays WHERE Kind = 1 GROUP BY TrackId) c ON c.TrackId = t.Id
        WHERE t.SpotifyId IS NOT NULL AND t.MetadataAt IS NULL
          AND EXISTS (SELECT 1 FROM Tracks WHERE SpotifyId IS NOT NULL AND MetadataAt IS NULL)
        ORDER BY IFNULL(c.n, 0) DESC, t.Id LIMIT $slice
        """;

    private const string PendingArtistsSql = """
        SELECT a.SpotifyId FROM Artists a
        LEFT JOIN (SELECT t.ArtistId, COUNT(*) AS n FROM Plays p JOIN Tracks t ON t.Id = p.TrackId WHERE p.Kind = 1 GROUP BY t.ArtistId) c ON c.ArtistId = a.Id
        WHERE a.SpotifyId IS NOT NULL AND a.MetadataAt IS NULL
          AND EXISTS (SELECT 1 FROM Artists WHERE SpotifyId IS NOT NULL AND MetadataAt IS NULL)
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
