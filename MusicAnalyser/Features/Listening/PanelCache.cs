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
    // The version is part of the key: a result still being computed from an older snapshot when the data
    // changed lands under that older version, never under the new one.
    private readonly ConcurrentDictionary<(string Version, string Panel, ListeningPeriod Period, int Skip), object> _results = new();
    private string? _version;

    public T GetOrAdd<T>(string version, string panel, ListeningPeriod period, int skip, Func<T> compute) where T : class
    {
        if (_version != version)
        {
            _version = version;
            _results.Clear();
        }
        if (_results.TryGetValue((version, panel, period, skip), out var cached))
        {
            return (T)cached;
        }
        var result = compute();
        if (_results.Count >= MaxEntries)
        {
            _results.Clear();
        }
        _results[(version, panel, period, skip)] = result;
        return result;
    }
}
