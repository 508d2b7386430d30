namespace MusicAnalyser.Features.Listening;

/// <summary>Inclusive local days (either end open); converted to a half-open UTC range of Unix seconds for queries.</summary>
public sealed record ListeningPeriod(DateOnly? From, DateOnly? To)
{
    public static readonly ListeningPeriod AllTime = new(null, null);

    public (long FromUtc, long ToUtcExclusive) ToUnixRange(TimeZoneInfo zone) =>
        (From is { } f ? StartOfDay(f, zone) : long.MinValue, To is { } t ? StartOfDay(t.AddDays(1), zone) : long.MaxValue);

    public static long StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A day that starts inside a DST gap (rare, e.g. America/Havana) starts at the first valid instant.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUnixTimeSeconds();
    }
}
