using System.Text.RegularExpressions;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Import;

/// <summary>The streaming-history files a Spotify export holds.</summary>
public enum ExportFormat
{
    ExtendedAudio,
    ExtendedVideo,
    ExtendedLegacy,
    AccountMusic,
    AccountPodcast,
    AccountAudiobook,
    AccountLegacy,
}

internal static partial class ExportFormats
{
    public static bool IsExtended(this ExportFormat format) => format <= ExportFormat.ExtendedLegacy;

    public static PlaySource Source(this ExportFormat format) =>
        format.IsExtended() ? PlaySource.ExtendedHistory : PlaySource.AccountData;

    public static string Describe(this ExportFormat format) => format switch
    {
        ExportFormat.ExtendedAudio => "extended streaming history (audio)",
        ExportFormat.ExtendedVideo => "extended streaming history (video)",
        ExportFormat.ExtendedLegacy => "extended streaming history (endsong)",
        ExportFormat.AccountMusic => "account data (music)",
        ExportFormat.AccountPodcast => "account data (podcasts)",
        ExportFormat.AccountAudiobook => "account data (audiobooks)",
        _ => "account data (streaming history)",
    };

    internal static ExportEntryFields Fields(this ExportFormat format) =>
        format.IsExtended() ? ExtendedHistoryFields.Instance : AccountDataFields.Instance;

    /// <summary>Recognises a file by its name alone (in any folder); null when the name says nothing.</summary>
    public static ExportFormat? FromFileName(string path)
    {
        var name = System.IO.Path.GetFileName(path.Replace('\\', '/'));
        if (ExtendedAudioName().IsMatch(name)) return ExportFormat.ExtendedAudio;
        if (ExtendedVideoName().IsMatch(name)) return ExportFormat.ExtendedVideo;
        if (EndsongName().IsMatch(name)) return ExportFormat.ExtendedLegacy;
        if (AccountMusicName().IsMatch(name)) return ExportFormat.AccountMusic;
        if (AccountPodcastName().IsMatch(name)) return ExportFormat.AccountPodcast;
        if (AccountAudiobookName().IsMatch(name)) return ExportFormat.AccountAudiobook;
        if (AccountLegacyName().IsMatch(name)) return ExportFormat.AccountLegacy;
        return null;
    }

    /// <summary>
    /// Recognises a JSON file by the keys of its first entry, for files renamed by the person.
    /// Returns null for JSON that is not streaming history (playlists, library, user data ...).
    /// </summary>
    public static ExportFormat? FromShape(ReadOnlySpan<byte> head)
    {
        static bool Has(ReadOnlySpan<byte> text, string key) =>
            text.IndexOf(System.Text.Encoding.UTF8.GetBytes($"\"{key}\"")) >= 0;

        var start = head.IndexOf((byte)'{');
        if (start < 0 || head[..start].IndexOf((byte)'[') < 0)
        {
            return null;
        }
        var end = head[start..].IndexOf((byte)'}');
        var first = end < 0 ? head[start..] : head.Slice(start, end + 1);
        if (Has(first, "ts") && Has(first, "ms_played"))
        {
            return Has(first, "username") ? ExportFormat.ExtendedLegacy : ExportFormat.ExtendedAudio;
        }
        if (Has(first, "endTime") && Has(first, "msPlayed"))
        {
            if (Has(first, "podcastName")) return ExportFormat.AccountPodcast;
            if (Has(first, "audiobookName")) return ExportFormat.AccountAudiobook;
            return ExportFormat.AccountMusic;
        }
        return null;
    }

    [GeneratedRegex(@"^Streaming_History_Audio_.*\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex ExtendedAudioName();

    [GeneratedRegex(@"^Streaming_History_Video_.*\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex ExtendedVideoName();

    [GeneratedRegex(@"^endsong(_\d+)?\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex EndsongName();

    [GeneratedRegex(@"^StreamingHistory_music_\d+\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex AccountMusicName();

    [GeneratedRegex(@"^StreamingHistory_podcast_\d+\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex AccountPodcastName();

    [GeneratedRegex(@"^StreamingHistory_audiobook_\d+\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex AccountAudiobookName();

    [GeneratedRegex(@"^StreamingHistory\d+\.json$", RegexOptions.IgnoreCase)]
    private static partial Regex AccountLegacyName();
}
