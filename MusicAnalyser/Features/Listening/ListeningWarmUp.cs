namespace MusicAnalyser.Features.Listening;

/// <summary>Builds the play snapshot when the app starts, so the first visit does not wait for it.</summary>
public sealed class ListeningWarmUp(ListeningData data, ILogger<ListeningWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var snapshot = await data.CurrentAsync(stoppingToken);
        logger.LogInformation("Listening snapshot of {Plays} plays ready in {Ms} ms", snapshot.Count, (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
