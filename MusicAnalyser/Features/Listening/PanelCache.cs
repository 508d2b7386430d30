using System.Collections.Concurrent;

namespace MusicAnalyser.Features.Listening;

/// <summary>
/// Panel results for the current data version. They never change for that version, so a view asked for
/// again (a reload, the back button, another device) costs a lookup; the first build of an "all time" panel
/// scans every play once. Emptied when the version moves on; bounded so odd ranges cannot grow it forever.
/// </summary>
public sealed class PanelCache
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<(string Panel, ListeningPeriod Period, int Skip), object> _results = new();
    private string? _version;

    public T GetOrAdd<T>(string version, string panel, ListeningPeriod period, int skip, Func<T> compute) where T : class
    {
        if (_version != version)
        {
            _results.Clear();
            _version = version;
        }
        if (_results.TryGetValue((panel, period, skip), out var cached))
        {
            return (T)cached;
        }
        var result = compute();
        if (_results.Count >= MaxEntries)
        {
            _results.Clear();
        }
        _results[(panel, period, skip)] = result;
        return result;
    }
}

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
