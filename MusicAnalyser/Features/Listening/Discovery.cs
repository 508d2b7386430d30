namespace MusicAnalyser.Features.Listening;

/// <summary>A track loved once and not played for a year: its plays, minutes and last play up to the reference time.</summary>
public sealed record ForgottenFavourite(int TrackId, string Name, int Plays, double Minutes, long LastPlayUtc);

public sealed record DiscoveryPanel(IReadOnlyList<DateOnly> Months, IReadOnlyList<int> NewArtists, IReadOnlyList<int> NewTracks,
    IReadOnlyList<ForgottenFavourite> Forgotten);

/// <summary>New artists and tracks per month of a period, and favourites gone quiet.</summary>
internal static class DiscoveryFinder
{
    private const long Year = 365L * 86400;
    private const int MinimumPlays = 5;

    /// <summary>How many artists and tracks were first played in each local month of [fromUtc, toUtc).</summary>
    public static (List<DateOnly> Months, int[] Artists, int[] Tracks) PerMonth(ListeningSnapshot data, long fromUtc, long toUtc, DateOnly firstMonth, DateOnly lastMonth)
    {
        var months = new List<DateOnly>();
        for (var m = firstMonth; m <= lastMonth; m = m.AddMonths(1))
        {
            months.Add(m);
        }
        var artists = new int[months.Count];
        var tracks = new int[months.Count];
        Count(data.ArtistFirstPlay, artists);
        Count(data.TrackFirstPlay, tracks);
        return (months, artists, tracks);

        void Count(long[] firstPlays, int[] perMonth)
        {
            foreach (var first in firstPlays)
            {
                if (first >= fromUtc && first < toUtc)
                {
                    var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(first), data.Zone);
                    var index = (local.Year - firstMonth.Year) * 12 + local.Month - firstMonth.Month;
                    if ((uint)index < (uint)perMonth.Length)
                    {
                        perMonth[index]++;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Tracks streamed at least five times up to <paramref name="referenceUtc"/> whose last play was over a year before
    /// it, most minutes first.
    /// </summary>
    public static List<(int Track, int Plays, long Ms, long LastPlay)> Forgotten(ListeningSnapshot data, long referenceUtc, int count, int streamMs)
    {
        var (_, end) = data.Range(long.MinValue, referenceUtc + 1);
        var tracks = data.ArtistOfTrack.Length;
        var plays = new int[tracks];
        var ms = new long[tracks];
        var last = new long[tracks];
        for (var i = 0; i < end; i++)
        {
            var track = data.Track[i];
            if (data.MsPlayed[i] >= streamMs)
            {
                plays[track]++;
            }
            ms[track] += data.MsPlayed[i];
            last[track] = data.EndedAt[i];
        }
        var result = new List<(int, int, long, long)>();
        for (var track = 0; track < plays.Length; track++)
        {
            if (plays[track] >= MinimumPlays && last[track] < referenceUtc - Year)
            {
                result.Add((track, plays[track], ms[track], last[track]));
            }
        }
        return result.OrderByDescending(t => t.Item3).ThenBy(t => t.Item1).Take(count).ToList();
    }
}
