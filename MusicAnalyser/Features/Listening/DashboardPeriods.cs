using System.Globalization;

namespace MusicAnalyser.Features.Listening;

/// <summary>A preset the period picker offers, as the dates it stands for.</summary>
public sealed record PeriodPreset(string Label, ListeningPeriod Period);

/// <summary>The period picker's presets and the comparison period, in the listener's days.</summary>
public static class DashboardPeriods
{
    /// <summary>Last 7 days, last 4 weeks, last 6 months, this year, each earlier year with plays, all time.</summary>
    public static List<PeriodPreset> Presets(DateOnly today, int? firstYear)
    {
        var presets = new List<PeriodPreset>
        {
            new("Last 7 days", new(today.AddDays(-6), today)),
            new("Last 4 weeks", new(today.AddDays(-27), today)),
            new("Last 6 months", new(today.AddMonths(-6).AddDays(1), today)),
            new("This year", new(new DateOnly(today.Year, 1, 1), today)),
        };
        for (var year = today.Year - 1; firstYear is { } first && year >= first; year--)
        {
            presets.Add(new(year.ToString(CultureInfo.InvariantCulture), new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))));
        }
        presets.Add(new("All time", ListeningPeriod.AllTime));
        return presets;
    }

    /// <summary>The period of the same length just before, to compare with; none for an open-ended period.</summary>
    public static ListeningPeriod? Previous(ListeningPeriod period) =>
        period is { From: { } from, To: { } to }
            ? new ListeningPeriod(from.AddDays(-(to.DayNumber - from.DayNumber + 1)), from.AddDays(-1))
            : null;

    /// <summary>Reads <c>?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>; a missing or unreadable end is open.</summary>
    public static ListeningPeriod Parse(string? from, string? to)
    {
        var start = Date(from);
        var end = Date(to);
        return start is { } s && end is { } e && s > e ? new ListeningPeriod(e, s) : new ListeningPeriod(start, end);
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
