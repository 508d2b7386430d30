namespace MusicAnalyser.Features.Listening;

/// <summary>One listening session: plays with less than the session gap between one's end and the next one's start.</summary>
public sealed record Session(long StartUtc, long EndUtc, int Plays, IReadOnlyList<(int Id, string Name)> Artists)
{
    public double Minutes => (EndUtc - StartUtc) / 60.0;
}

public sealed record SessionsPanel(int Count, double AverageMinutes, IReadOnlyList<Session> Longest);

/// <summary>Finds the sessions among a period's plays (a play starts its ms played before it ends).</summary>
internal static class SessionFinder
{
    public static (int Count, long TotalSeconds, List<(int First, int Last, long Start, long End)> Longest) Find(
        ListeningSnapshot data, int start, int end, long gapSeconds, int keep)
    {
        var longest = new List<(int First, int Last, long Start, long End)>();
        var count = 0;
        long total = 0;
        int first = -1;
        long sessionStart = 0, sessionEnd = 0;

        void Close(int last)
        {
            count++;
            total += sessionEnd - sessionStart;
            Keep(longest, (first, last, sessionStart, sessionEnd), keep);
        }

        for (var i = start; i < end; i++)
        {
            var playStart = data.EndedAt[i] - data.MsPlayed[i] / 1000;
            if (first >= 0 && playStart - sessionEnd >= gapSeconds)
            {
                Close(i - 1);
                first = -1;
            }
            if (first < 0)
            {
                first = i;
                sessionStart = playStart;
                sessionEnd = data.EndedAt[i];
            }
            else
            {
                // Plays are in order of their ends; a long one can have started before the one ending just before it.
                sessionStart = Math.Min(sessionStart, playStart);
                sessionEnd = Math.Max(sessionEnd, data.EndedAt[i]);
            }
        }
        if (first >= 0)
        {
            Close(end - 1);
        }
        return (count, total, longest);
    }

    private static void Keep(List<(int First, int Last, long Start, long End)> longest, (int First, int Last, long Start, long End) session, int keep)
    {
        longest.Add(session);
        longest.Sort((a, b) => (b.End - b.Start).CompareTo(a.End - a.Start) is var c and not 0 ? c : a.Start.CompareTo(b.Start));
        if (longest.Count > keep)
        {
            longest.RemoveAt(longest.Count - 1);
        }
    }
}
