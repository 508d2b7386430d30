using System.Globalization;
using MusicAnalyser.Features.Spotify;

namespace MusicAnalyser.Pages.Status;

/// <summary>The Status page in words: each line a label and what to say.</summary>
public sealed record StatusView(IReadOnlyList<(string Label, string Value)> Lines, string? Warning)
{
    public static StatusView From(SpotifyStatusReport report, TimeZoneInfo zone, DateTimeOffset now)
    {
        string When(DateTimeOffset? at) => at is { } t ? TimeZoneInfo.ConvertTime(t, zone).ToString("d MMM yyyy, HH:mm:ss", CultureInfo.InvariantCulture) : "not yet";
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        string Day(DateTimeOffset at) => DashboardViews.Date(at.ToUnixTimeSeconds(), zone);
        var connected = report.Connection == SpotifyConnectionState.Connected;
        var metadata = report.Metadata;
        return new StatusView(
        [
            ("Spotify", report.Connection switch
            {
                SpotifyConnectionState.Connected => report.ConnectedAs is { } who ? $"connected as {who.Describe()}" : "connected",
                SpotifyConnectionState.NeedsReconnect => "needs to be connected again",
                _ => "not connected",
            }),
            ("Connected since", report.ConnectedAt is { } since && connected
                ? $"{Day(since)}; Spotify asks to connect again after about six months (around {Day(since.AddMonths(6))}), and every page will say so"
                : "—"),
            ("Last poll", When(report.LastPoll)),
            ("Next poll", connected ? When(report.NextPoll ?? now) : "paused"),
            ("Plays captured today", N(report.CapturedToday)),
            ("Last error", report.LastError ?? "none"),
            ("Rate limit", report.RateLimitedUntil is { } until ? $"Spotify asked us to wait until {When(until)}" : "no wait"),
            ("Tracks filled in", $"{N(metadata.TracksFilled)} of {N(metadata.TracksWithId)}"
                + (metadata.TracksByNameOnly > 0 ? $" ({N(metadata.TracksByNameOnly)} more are known by name only and cannot be looked up)" : "")),
            ("Artists filled in", $"{N(metadata.ArtistsFilled)} of {N(metadata.ArtistsWithId)}"
                + (metadata.ArtistsByNameOnly > 0 ? $" ({N(metadata.ArtistsByNameOnly)} more are known by name only so far)" : "")),
            ("Metadata", !connected ? "waits for Spotify to be connected"
                : report.MetadataError is { } error ? error
                : metadata.TracksFilled == metadata.TracksWithId && metadata.ArtistsFilled == metadata.ArtistsWithId ? "all filled in"
                : "filling in, most played first"),
            ("Updated", When(now)),
        ],
        report.MayHaveMissedPlays
            ? "The last poll came back full (50 plays): more may have played since the poll before than Spotify keeps. Your next export import fills any gap."
            : null);
    }
}
