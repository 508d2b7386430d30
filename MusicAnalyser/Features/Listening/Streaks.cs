namespace MusicAnalyser.Features.Listening;

/// <summary>A run of consecutive days with listening, in the listener's days.</summary>
public sealed record DayRun(int Days, DateOnly First, DateOnly Last);

/// <summary>A play worth remembering: which it was, when, and what was playing.</summary>
public sealed record Milestone(string Title, long EndedAtUtc, int TrackId, string What);

public sealed record StreaksPanel(DayRun? Longest, DayRun? Current, IReadOnlyList<Milestone> Milestones);

/// <summary>Runs of listening days over a range of the snapshot (local days never go backwards as plays go on).</summary>
internal static class StreakFinder
{
    public static DayRun? Longest(ListeningSnapshot data, int start, int end)
    {
        DayRun? best = null;
        int runStart = -1, previous = int.MinValue;
        for (var i = start; i < end; i++)
        {
            var day = data.LocalDay[i];
            if (day == previous)
            {
                continue;
            }
            if (day != previous + 1)
            {
                runStart = day;
            }
            previous = day;
            if (best is null || day - runStart + 1 > best.Days)
            {
                best = new DayRun(day - runStart + 1, LocalDays.ToDate(runStart), LocalDays.ToDate(day));
            }
        }
        return best;
    }

    /// <summary>The run that reaches today, or yesterday (today may not have had its music yet).</summary>
    public static DayRun? Current(ListeningSnapshot data, DateOnly today)
    {
        if (data.Count == 0)
        {
            return null;
        }
        var last = data.LocalDay[data.Count - 1];
        var todayNumber = LocalDays.FromDate(today);
        if (last < todayNumber - 1)
        {
            return null;
        }
        var first = last;
        for (var i = data.Count - 1; i >= 0 && data.LocalDay[i] >= first - 1; i--)
        {
            first = Math.Min(first, data.LocalDay[i]);
        }
        return new DayRun(last - first + 1, LocalDays.ToDate(first), LocalDays.ToDate(last));
    }
}
