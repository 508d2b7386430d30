namespace MusicAnalyser.Features.Listening;

/// <summary>A week a track or artist was on repeat: the week's Monday and its plays then.</summary>
public sealed record RepeatWeek(DateOnly Monday, int Plays, double Minutes);

/// <summary>Everything an artist's or a track's page shows (music plays only, all time).</summary>
public sealed record ItemDetail(
    TopKind Kind,
    int Id,
    string Name,
    long Plays,
    long Streams,
    double Minutes,
    long? FirstPlayUtc,
    long? LastPlayUtc,
    TimeSeries PerMonth,
    IReadOnlyList<RankedItem> TopTracks,
    IReadOnlyList<RepeatWeek> OnRepeat)
{
    /// <summary>The artist's photo or the track's album cover, once Spotify's metadata has it.</summary>
    public string? Picture { get; init; }
}

/// <summary>One pass over the snapshot for one artist or track.</summary>
internal static class ItemDetailFinder
{
    public static (long Plays, long Streams, long Ms, long? First, long? Last, Dictionary<DateOnly, long> MonthMs, Dictionary<int, (long Ms, long Streams)> Tracks, Dictionary<DateOnly, (int Plays, long Ms)> Weeks)
        Scan(ListeningSnapshot data, TopKind kind, int id, int streamMs)
    {
        long plays = 0, streams = 0, ms = 0;
        long? first = null, last = null;
        var months = new Dictionary<DateOnly, long>();
        var tracks = new Dictionary<int, (long, long)>();
        var weeks = new Dictionary<DateOnly, (int, long)>();
        for (var i = 0; i < data.Count; i++)
        {
            var track = data.Track[i];
            if (kind == TopKind.Tracks ? track != id : data.ArtistOfTrack[track] != id)
            {
                continue;
            }
            var played = data.MsPlayed[i];
            var isStream = played >= streamMs;
            plays++;
            ms += played;
            streams += isStream ? 1 : 0;
            first ??= data.EndedAt[i];
            last = data.EndedAt[i];
            var day = LocalDays.ToDate(data.LocalDay[i]);
            var month = new DateOnly(day.Year, day.Month, 1);
            months[month] = months.GetValueOrDefault(month) + played;
            var (trackMs, trackStreams) = tracks.GetValueOrDefault(track);
            tracks[track] = (trackMs + played, trackStreams + (isStream ? 1 : 0));
            var monday = LocalDays.MondayOf(day);
            var (weekPlays, weekMs) = weeks.GetValueOrDefault(monday);
            weeks[monday] = (weekPlays + 1, weekMs + played);
        }
        return (plays, streams, ms, first, last, months, tracks, weeks);
    }
}
