using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace MusicAnalyser.Features.Import;

/// <summary>How one export format's property names map onto a <see cref="ParsedEntry"/>.</summary>
internal abstract class ExportEntryFields
{
    /// <summary>Reads the value of property <paramref name="name"/>; false when the property is not one this format keeps.</summary>
    public abstract bool Read(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ParsedEntry entry);

    /// <summary>What the file would have to be, and the keys its first entry lacks, for the message when it is not.</summary>
    protected abstract string ExpectedShape { get; }

    /// <summary>Called with the first entry: throws when the file is not of this format at all.</summary>
    public void CheckShape(ParsedEntry first)
    {
        if (!first.SawTimestampKey || !first.SawMsPlayedKey)
        {
            throw new ExportFileException($"this is not {ExpectedShape}");
        }
    }

    protected static int ReadMsPlayed(ref Utf8JsonReader reader, string field, ParsedEntry entry)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return 0;
        }
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw EntryFormatException.WrongType(field, "a number", reader.TokenType);
        }
        if (!reader.TryGetInt32(out var ms) || ms < 0)
        {
            throw new EntryFormatException($"\"{field}\" should be a whole number of milliseconds, found {reader.GetDouble()}");
        }
        entry.HasMsPlayed = true;
        return ms;
    }

    protected static sbyte ReadFlag(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.True => 1,
        JsonTokenType.False => 0,
        JsonTokenType.Null => -1,
        _ => throw EntryFormatException.WrongType(field, "true, false or null", reader.TokenType),
    };

    /// <summary>Parses a UTC time string: the exact export layouts fast, anything ISO-like through the framework.</summary>
    protected static bool TryParseUtc(ReadOnlySpan<byte> s, out long unixSeconds)
    {
        // "2022-11-12T13:59:51Z" (extended) or "2022-11-12 13:59" (account data)
        var extended = s.Length == 20 && s[10] == (byte)'T' && s[16] == (byte)':' && s[19] == (byte)'Z';
        var account = s.Length == 16 && s[10] == (byte)' ';
        if ((extended || account)
            && Digits(s, 0, 4, out var y) && s[4] == '-' && Digits(s, 5, 2, out var mo) && s[7] == '-' && Digits(s, 8, 2, out var d)
            && Digits(s, 11, 2, out var h) && s[13] == ':' && Digits(s, 14, 2, out var mi))
        {
            var sec = 0;
            if ((account || Digits(s, 17, 2, out sec)) && Valid(y, mo, d, h, mi, sec))
            {
                unixSeconds = (long)(new DateTime(y, mo, d, h, mi, sec, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalSeconds;
                return true;
            }
        }
        if (Utf8Parser.TryParse(s, out DateTime parsed, out var consumed, 'O') && consumed == s.Length)
        {
            unixSeconds = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc)).ToUnixTimeSeconds();
            return true;
        }
        if (DateTimeOffset.TryParse(System.Text.Encoding.UTF8.GetString(s), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var any))
        {
            unixSeconds = any.ToUnixTimeSeconds();
            return true;
        }
        unixSeconds = 0;
        return false;
    }

    protected static void ReadTimestamp(ref Utf8JsonReader reader, string field, ParsedEntry entry)
    {
        entry.SawTimestampKey = true;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            throw EntryFormatException.WrongType(field, "a date-time string", reader.TokenType);
        }
        if (!TryParseUtc(reader.ValueSpan, out entry.EndedAt))
        {
            throw new EntryFormatException($"\"{field}\" is not a date-time: \"{reader.GetString()}\"");
        }
        entry.HasEndedAt = true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int at, int count, out int value)
    {
        value = 0;
        for (var i = at; i < at + count; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }
            value = value * 10 + digit;
        }
        return true;
    }

    private static bool Valid(int y, int mo, int d, int h, int mi, int s) =>
        y is >= 1 and <= 9999 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) && h < 24 && mi < 60 && s < 60;
}

/// <summary>"Extended streaming history": Streaming_History_Audio_*/Video_* and the older endsong_*.</summary>
internal sealed class ExtendedHistoryFields : ExportEntryFields
{
    public static readonly ExtendedHistoryFields Instance = new();

    public override bool Read(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ParsedEntry entry)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("ts"u8):
                ReadTimestamp(ref reader, "ts", entry);
                return true;
            case 7 when name.SequenceEqual("shuffle"u8):
                entry.Shuffle = ReadFlag(ref reader, "shuffle");
                return true;
            case 7 when name.SequenceEqual("skipped"u8):
                entry.Skipped = ReadFlag(ref reader, "skipped");
                return true;
            case 7 when name.SequenceEqual("offline"u8):
                entry.Offline = ReadFlag(ref reader, "offline");
                return true;
            case 8 when name.SequenceEqual("platform"u8):
                entry.Platform.Read(ref reader, "platform");
                return true;
            case 9 when name.SequenceEqual("ms_played"u8):
                entry.SawMsPlayedKey = true;
                entry.MsPlayed = ReadMsPlayed(ref reader, "ms_played", entry);
                return true;
            case 10 when name.SequenceEqual("reason_end"u8):
                entry.ReasonEnd.Read(ref reader, "reason_end");
                return true;
            case 12 when name.SequenceEqual("conn_country"u8):
                entry.Country.Read(ref reader, "conn_country");
                return true;
            case 12 when name.SequenceEqual("reason_start"u8):
                entry.ReasonStart.Read(ref reader, "reason_start");
                return true;
            case 12 when name.SequenceEqual("episode_name"u8):
                entry.EpisodeName.Read(ref reader, "episode_name");
                return true;
            case 13 when name.SequenceEqual("audiobook_uri"u8):
                entry.AudiobookUri.Read(ref reader, "audiobook_uri");
                return true;
            case 14 when name.SequenceEqual("incognito_mode"u8):
                entry.Incognito = ReadFlag(ref reader, "incognito_mode");
                return true;
            case 15 when name.SequenceEqual("audiobook_title"u8):
                entry.AudiobookTitle.Read(ref reader, "audiobook_title");
                return true;
            case 17 when name.SequenceEqual("spotify_track_uri"u8):
                entry.TrackUri.Read(ref reader, "spotify_track_uri");
                return true;
            case 17 when name.SequenceEqual("episode_show_name"u8):
                entry.ShowName.Read(ref reader, "episode_show_name");
                return true;
            case 17 when name.SequenceEqual("offline_timestamp"u8):
                entry.OfflineTimestamp = ReadOfflineTimestamp(ref reader);
                return true;
            case 19 when name.SequenceEqual("spotify_episode_uri"u8):
                entry.EpisodeUri.Read(ref reader, "spotify_episode_uri");
                return true;
            case 21 when name.SequenceEqual("audiobook_chapter_uri"u8):
                entry.ChapterUri.Read(ref reader, "audiobook_chapter_uri");
                return true;
            case 23 when name.SequenceEqual("audiobook_chapter_title"u8):
                entry.ChapterTitle.Read(ref reader, "audiobook_chapter_title");
                return true;
            case 26 when name.SequenceEqual("master_metadata_track_name"u8):
                entry.TrackName.Read(ref reader, "master_metadata_track_name");
                return true;
            case 32 when name.SequenceEqual("master_metadata_album_album_name"u8):
                entry.AlbumName.Read(ref reader, "master_metadata_album_album_name");
                return true;
            case 33 when name.SequenceEqual("master_metadata_album_artist_name"u8):
                entry.ArtistName.Read(ref reader, "master_metadata_album_artist_name");
                return true;
            default:
                // ip_addr, username, user_agent_decrypted ...: personal data we have no use for, not kept.
                return false;
        }
    }

    protected override string ExpectedShape => "Extended streaming history: its first entry has no \"ts\" and \"ms_played\"";

    /// <summary>Exports give seconds, milliseconds, 0 or null; the result is Unix milliseconds, 0 for none.</summary>
    private static long ReadOfflineTimestamp(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return 0;
        }
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw EntryFormatException.WrongType("offline_timestamp", "a number", reader.TokenType);
        }
        var value = reader.TryGetInt64(out var whole) ? whole : (long)reader.GetDouble();
        return value switch
        {
            <= 0 => 0,
            < 100_000_000_000 => value * 1000,          // seconds (until the year 5138)
            < 100_000_000_000_000 => value,             // milliseconds
            _ => value / 1000,                          // microseconds
        };
    }
}

/// <summary>"Account data": StreamingHistory_music_N, _podcast_N, _audiobook_N and the older StreamingHistoryN.</summary>
internal sealed class AccountDataFields : ExportEntryFields
{
    public static readonly AccountDataFields Instance = new();

    public override bool Read(ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ParsedEntry entry)
    {
        switch (name.Length)
        {
            case 7 when name.SequenceEqual("endTime"u8):
                ReadTimestamp(ref reader, "endTime", entry);
                return true;
            case 8 when name.SequenceEqual("msPlayed"u8):
                entry.SawMsPlayedKey = true;
                entry.MsPlayed = ReadMsPlayed(ref reader, "msPlayed", entry);
                return true;
            case 9 when name.SequenceEqual("trackName"u8):
                entry.TrackName.Read(ref reader, "trackName");
                return true;
            case 10 when name.SequenceEqual("artistName"u8):
                entry.ArtistName.Read(ref reader, "artistName");
                return true;
            case 10 when name.SequenceEqual("authorName"u8):
                entry.AuthorName.Read(ref reader, "authorName");
                return true;
            case 11 when name.SequenceEqual("podcastName"u8):
                entry.ShowName.Read(ref reader, "podcastName");
                return true;
            case 11 when name.SequenceEqual("episodeName"u8):
                entry.EpisodeName.Read(ref reader, "episodeName");
                return true;
            case 11 when name.SequenceEqual("chapterName"u8):
                entry.ChapterTitle.Read(ref reader, "chapterName");
                return true;
            case 13 when name.SequenceEqual("audiobookName"u8):
                entry.AudiobookTitle.Read(ref reader, "audiobookName");
                return true;
            default:
                return false;
        }
    }

    protected override string ExpectedShape => "Account data streaming history: its first entry has no \"endTime\" and \"msPlayed\"";
}
