using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MusicAnalyser.Features.CommandLine;

namespace MusicAnalyser.Features.Listening;

/// <summary><c>stats [--from] [--to] [--json]</c>: the dashboard's figures on the terminal, or as one JSON line.</summary>
public sealed class StatsCommand(OverviewStats stats)
{
    public int Run(IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        var period = new ListeningPeriod(Date(options, "--from"), Date(options, "--to"));
        if (period is { From: { } f, To: { } t } && f > t)
        {
            throw new CommandLineUsageException("stats: --from is after --to");
        }
        var overview = stats.Get(period);

        if (options.ContainsKey("--json"))
        {
            output.WriteLine(JsonSerializer.Serialize(StatsJson.From(overview), new StatsJsonContext(CommandLineJson.Options).StatsJson));
            return CommandLineApp.Ok;
        }

        if (overview.IsEmpty)
        {
            output.WriteLine("No music plays in this period. Import your Spotify data first: MusicAnalyser import my_spotify_data.zip");
            return CommandLineApp.Ok;
        }
        output.WriteLine($"Music plays      {overview.Plays:N0}");
        output.WriteLine($"Hours listened   {overview.Hours:N1}");
        output.WriteLine($"Distinct tracks  {overview.Tracks:N0}");
        output.WriteLine($"Distinct artists {overview.Artists:N0}");
        output.WriteLine($"First play       {overview.FirstPlay:yyyy-MM-dd HH:mm}");
        output.WriteLine($"Last play        {overview.LastPlay:yyyy-MM-dd HH:mm}");
        output.WriteLine();
        output.WriteLine("Top artists by minutes");
        var rank = 0;
        foreach (var artist in overview.TopArtists)
        {
            output.WriteLine($"{++rank,3}. {artist.Name,-40} {artist.Minutes,10:N0} min {artist.Plays,8:N0} plays");
        }
        return CommandLineApp.Ok;
    }

    private static DateOnly? Date(IReadOnlyDictionary<string, string> options, string name) =>
        !options.TryGetValue(name, out var text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new CommandLineUsageException($"stats: {name} must be a date as YYYY-MM-DD, not \"{text}\"");
}

internal sealed record StatsJson(
    [property: JsonPropertyName("plays")] long Plays,
    [property: JsonPropertyName("minutes")] double Minutes,
    [property: JsonPropertyName("tracks")] long Tracks,
    [property: JsonPropertyName("artists")] long Artists,
    [property: JsonPropertyName("first_play")] DateTimeOffset? FirstPlay,
    [property: JsonPropertyName("last_play")] DateTimeOffset? LastPlay,
    [property: JsonPropertyName("top_artists")] IReadOnlyList<StatsJsonArtist> TopArtists)
{
    public static StatsJson From(Overview o) => new(o.Plays, o.Minutes, o.Tracks, o.Artists, o.FirstPlay, o.LastPlay,
        o.TopArtists.Select(a => new StatsJsonArtist(a.Name, a.Minutes, a.Plays)).ToList());
}

internal sealed record StatsJsonArtist(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("minutes")] double Minutes,
    [property: JsonPropertyName("plays")] long Plays);

[JsonSerializable(typeof(StatsJson))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
