using Quartz;

namespace MusicAnalyser.Features.Spotify;

/// <summary>Polls Spotify every <see cref="SpotifyOptions.PollInterval"/>, whether or not anyone has the dashboard open.</summary>
[DisallowConcurrentExecution]
public sealed class SpotifyPollJob(SpotifyPoller poller) : IJob
{
    public static readonly JobKey Key = new("spotify-poll");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await poller.PollOnceAsync(cancellationToken);
}
