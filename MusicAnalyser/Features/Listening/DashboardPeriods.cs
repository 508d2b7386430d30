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

    /// <summary>
    /// The period just before, to compare with: the same number of whole months for a period of whole months
    /// (February against January, a year against the year before), else the same number of days; none for an
    /// open-ended period.
    /// </summary>
    public static ListeningPeriod? Previous(ListeningPeriod period)
    {
        if (period is not { From: { } from, To: { } to })
        {
            return null;
        }
        if (from.Day == 1 && to.AddDays(1).Day == 1)
        {
            var months = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
            return new ListeningPeriod(from.AddMonths(-months), from.AddDays(-1));
        }
        return new ListeningPeriod(from.AddDays(-(to.DayNumber - from.DayNumber + 1)), from.AddDays(-1));
    }

    // Dates outside these are typing slips, not listening; they would only overflow the arithmetic.
    private static readonly DateOnly Earliest = new(1900, 1, 1), Latest = new(2100, 12, 31);

    /// <summary>Reads <c>?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c>; a missing or unreadable end is open.</summary>
    public static ListeningPeriod Parse(string? from, string? to)
    {
        var start = Date(from);
        var end = Date(to);
        return start is { } s && end is { } e && s > e ? new ListeningPeriod(e, s) : new ListeningPeriod(start, end);
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date < Earliest ? Earliest : date > Latest ? Latest : date)
            : null;
}
