namespace MusicAnalyser.Features.Listening;

/// <summary>The snapshot's local days (days since 1970-01-01 in the listener's zone) as dates, and weeks as their Mondays.</summary>
public static class LocalDays
{
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    public static DateOnly ToDate(int localDay) => DateOnly.FromDayNumber(Epoch + localDay);

    public static int FromDate(DateOnly day) => day.DayNumber - Epoch;

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Today's date in <paramref name="zone"/>.</summary>
    public static DateOnly Today(TimeProvider time, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
}
