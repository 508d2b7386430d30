using System.Globalization;
using MusicAnalyser.Features.Spotify;

namespace MusicAnalyser.Pages.Status;

/// <summary>The Status page in words: each line a label and what to say.</summary>
public sealed record StatusView(IReadOnlyList<(string Label, string Value)> Lines, string? Warning)
{
    public static StatusView From(SpotifyStatusReport report, TimeZoneInfo zone)
    {
        string When(DateTimeOffset? at) => at is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("d MMM yyyy, HH:mm:ss", CultureInfo.InvariantCulture) : "not yet";
        return new StatusView(
        [
            ("Spotify", report.Connection switch
            {
                SpotifyConnectionState.Connected => "connected",
                SpotifyConnectionState.NeedsReconnect => "needs to be connected again",
                _ => "not connected",
            }),
            ("Last poll", When(report.LastPoll)),
            ("Next poll", report.Connection == SpotifyConnectionState.Connected ? When(report.NextPoll ?? DateTimeOffset.UtcNow) : "paused"),
            ("Plays captured today", report.CapturedToday.ToString("N0", CultureInfo.InvariantCulture)),
            ("Last error", report.LastError ?? "none"),
            ("Rate limit", report.RateLimitedUntil is { } until ? $"Spotify asked us to wait until {When(until)}" : "no wait"),
        ],
        report.MayHaveMissedPlays
            ? "The last poll came back full (50 plays): more may have played since the poll before than Spotify keeps. Your next export import fills any gap."
            : null);
    }
}
