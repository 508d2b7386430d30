using Microsoft.Extensions.Options;

namespace MusicAnalyser.Features.Listening;

/// <summary>The overview panel: a period's figures and, where there is one, the same-length period before.</summary>
public sealed record OverviewPanel(ListeningPeriod Period, PeriodFigures Current, ListeningPeriod? PreviousPeriod, PeriodFigures? Previous);

public enum TimeStep { Day, Week, Month }

/// <summary>Minutes per day, week or month across a period.</summary>
public sealed record TimeSeries(TimeStep Step, IReadOnlyList<DateOnly> Starts, IReadOnlyList<double> Minutes);

/// <summary>The dashboard's statistics for a period, computed from the current <see cref="ListeningSnapshot"/>.</summary>
public sealed class DashboardStats(ListeningData data, IOptions<ListeningOptions> options)
{
    private readonly int _streamMs = options.Value.StreamSeconds * 1000;

    public async Task<OverviewPanel> OverviewAsync(ListeningPeriod period, CancellationToken cancellationToken)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        var previous = DashboardPeriods.Previous(period);
        return new OverviewPanel(period, Figures(snapshot, period), previous, previous is null ? null : Figures(snapshot, previous));
    }

    public async Task<TimeSeries> OverTimeAsync(ListeningPeriod period, CancellationToken cancellationToken)
    {
        var snapshot = await data.CurrentAsync(cancellationToken);
        var (start, end) = Range(snapshot, period);
        if (start == end)
        {
            return new TimeSeries(TimeStep.Day, [], []);
        }
        var firstDay = period.From ?? Day(snapshot.LocalDay[start]);
        var lastDay = period.To ?? Day(snapshot.LocalDay[end - 1]);
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        var step = days <= 62 ? TimeStep.Day : days <= 400 ? TimeStep.Week : TimeStep.Month;

        // Each day of the period mapped to its bar once, so the pass over the plays is a lookup per play.
        var starts = new List<DateOnly>();
        var barOfDay = new int[days];
        for (var d = 0; d < days; d++)
        {
            var day = firstDay.AddDays(d);
            var barStart = step switch
            {
                TimeStep.Day => day,
                TimeStep.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
                _ => new DateOnly(day.Year, day.Month, 1),
            };
            if (starts.Count == 0 || starts[^1] != barStart)
            {
                starts.Add(barStart);
            }
            barOfDay[d] = starts.Count - 1;
        }
        var ms = new long[starts.Count];
        var offset = firstDay.DayNumber - UnixEpochDay;
        for (var i = start; i < end; i++)
        {
            var d = snapshot.LocalDay[i] - offset;
            if ((uint)d < (uint)days)
            {
                ms[barOfDay[d]] += snapshot.MsPlayed[i];
            }
        }
        return new TimeSeries(step, starts, ms.Select(m => Math.Round(m / 60000.0, 1)).ToList());
    }

    private PeriodFigures Figures(ListeningSnapshot snapshot, ListeningPeriod period)
    {
        var (from, to) = period.ToUnixRange(snapshot.Zone);
        return PeriodFigures.Of(snapshot, from, to, _streamMs);
    }

    private static (int Start, int End) Range(ListeningSnapshot snapshot, ListeningPeriod period)
    {
        var (from, to) = period.ToUnixRange(snapshot.Zone);
        return snapshot.Range(from, to);
    }

    private static readonly int UnixEpochDay = new DateOnly(1970, 1, 1).DayNumber;

    private static DateOnly Day(int localDay) => DateOnly.FromDayNumber(UnixEpochDay + localDay);
}
