using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MusicAnalyser.Tests.Import;

/// <summary>
/// Small export files written entry by entry, laid out as Spotify writes them. Strings are written as given
/// (only quotes and backslashes escaped), so unusual characters reach the importer as raw UTF-8, as in real files.
/// </summary>
public static class HandWrittenExport
{
    /// <summary>One extended-history entry of a music track; <paramref name="track"/> null makes it an entry with no item.</summary>
    public static string Track(string ts, string? track, string? artist, int msPlayed, string? trackUri = null,
        string offlineTimestamp = "null", string? album = "An Album") =>
        Extended(ts, msPlayed, offlineTimestamp,
            ("master_metadata_track_name", track),
            ("master_metadata_album_artist_name", artist),
            ("master_metadata_album_album_name", track is null ? null : album),
            ("spotify_track_uri", trackUri));

    /// <summary>One extended-history entry of a podcast episode.</summary>
    public static string Episode(string ts, string episode, string show, int msPlayed, string? episodeUri = null) =>
        Extended(ts, msPlayed, "null",
            ("episode_name", episode),
            ("episode_show_name", show),
            ("spotify_episode_uri", episodeUri));

    /// <summary>One account-data (StreamingHistory_music_N) entry.</summary>
    public static string AccountTrack(string endTime, string artist, string track, int msPlayed) =>
        $$"""
          {
            "endTime" : {{Quote(endTime)}},
            "artistName" : {{Quote(artist)}},
            "trackName" : {{Quote(track)}},
            "msPlayed" : {{msPlayed.ToString(CultureInfo.InvariantCulture)}}
          }
        """;

    /// <summary>Three plays of 2010, far from any generated listening: the good file beside a bad one.</summary>
    public static string[] ThreePlaysOf2010 =>
    [
        Track("2010-03-01T10:00:00Z", "Morning", "The Testers", 200_000, "spotify:track:0000000000000000000001"),
        Track("2010-03-01T10:04:00Z", "Noon", "The Testers", 190_000, "spotify:track:0000000000000000000002"),
        Track("2010-03-01T10:08:00Z", "Night", "The Testers", 180_000, "spotify:track:0000000000000000000003"),
    ];

    /// <summary>The JSON array of <paramref name="entries"/>, as a file's text.</summary>
    public static string Array(params string[] entries) => "[\n" + string.Join(",\n", entries) + "\n]\n";

    public static string Write(string path, params string[] entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Array(entries), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>A zip holding each (entry name, content) pair as given, names included (even hostile ones).</summary>
    public static string Zip(string path, params (string Name, byte[] Content)[] entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var stream = archive.CreateEntry(name).Open();
            stream.Write(content);
        }
        return path;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Extended(string ts, int msPlayed, string offlineTimestamp, params (string Key, string? Value)[] item)
    {
        var keys = new[]
        {
            "master_metadata_track_name", "master_metadata_album_artist_name", "master_metadata_album_album_name",
            "spotify_track_uri", "episode_name", "episode_show_name", "spotify_episode_uri",
            "audiobook_title", "audiobook_uri", "audiobook_chapter_uri", "audiobook_chapter_title",
        };
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
              {
                "ts": {{Quote(ts)}},
                "platform": "android",
                "ms_played": {{msPlayed}},
                "conn_country": "DE",
                "ip_addr": "0.0.0.0",

            """);
        foreach (var key in keys)
        {
            var value = item.FirstOrDefault(i => i.Key == key).Value;
            text.Append(CultureInfo.InvariantCulture, $"""    "{key}": {(value is null ? "null" : Quote(value))},""").Append('\n');
        }
        text.Append(CultureInfo.InvariantCulture, $$"""
                "reason_start": "trackdone",
                "reason_end": "trackdone",
                "shuffle": false,
                "skipped": false,
                "offline": false,
                "offline_timestamp": {{offlineTimestamp}},
                "incognito_mode": false
              }
            """);
        return text.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
