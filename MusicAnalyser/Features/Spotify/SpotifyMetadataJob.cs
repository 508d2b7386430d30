using Microsoft.Extensions.Options;
using Quartz;

namespace MusicAnalyser.Features.Spotify;

/// <summary>Every <see cref="SpotifyOptions.MetadataInterval"/>, fills in Spotify metadata for that long (see <see cref="SpotifyMetadataBackfill"/>).</summary>
[DisallowConcurrentExecution]
public sealed class SpotifyMetadataJob(SpotifyMetadataBackfill backfill, IOptions<SpotifyOptions> options, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("spotify-metadata");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // A stopping app stops the backfill between two items rather than waiting for its slice to run out.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        await backfill.RunAsync(options.Value.MetadataInterval, stopping.Token);
    }
}
