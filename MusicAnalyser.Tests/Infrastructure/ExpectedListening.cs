using System.Text.Json;

namespace MusicAnalyser.Tests.Infrastructure;

/// <summary>
/// What an export's extended history says, computed here from the JSON with nothing of the app's code:
/// the figures the app's statistics are checked against.
/// </summary>
public sealed class ExpectedListening
{
    public sealed record ArtistFigure(string Name, double Minutes, long Plays);

    public long MusicPlays { get; private init; }
    public double Minutes { get; private init; }
    public long Tracks { get; private init; }
    public long Artists { get; private init; }
    public IReadOnlyList<ArtistFigure> TopArtists { get; private init; } = [];

    /// <summary>Music plays from every Streaming_History_Audio_* / endsong_* file under <paramref name="folder"/>, ending in [from, to).</summary>
    public static ExpectedListening FromExtendedHistory(string folder, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var plays = new List<(string Artist, string Track, long Ms)>();
        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).StartsWith("Streaming_History_Audio_", StringComparison.Ordinal)
                        || Path.GetFileName(f).StartsWith("endsong", StringComparison.Ordinal));
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                var uri = Text(entry, "spotify_track_uri");
                var name = Text(entry, "master_metadata_track_name");
                if (uri is null && name is null)
                {
                    continue; // a podcast episode, an audiobook chapter or an empty row
                }
                var at = DateTimeOffset.Parse(entry.GetProperty("ts").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                if ((from is { } f && at < f) || (to is { } t && at >= t))
                {
                    continue;
                }
                plays.Add((Text(entry, "master_metadata_album_artist_name") ?? "", uri ?? name!, entry.GetProperty("ms_played").GetInt64()));
            }
        }

        var byArtist = plays.GroupBy(p => p.Artist, StringComparer.Ordinal)
            .Select(g => new ArtistFigure(g.Key, g.Sum(p => p.Ms) / 60000.0, g.LongCount()))
            .OrderByDescending(a => a.Minutes).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        return new ExpectedListening
        {
            MusicPlays = plays.Count,
            Minutes = plays.Sum(p => p.Ms) / 60000.0,
            Tracks = plays.Select(p => p.Track).Distinct(StringComparer.Ordinal).LongCount(),
            Artists = byArtist.Count,
            TopArtists = byArtist,
        };
    }

    private static string? Text(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
