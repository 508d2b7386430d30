using System.Text.Json;

namespace MusicAnalyser.Features.Import;

/// <summary>One export entry as read, before its names are resolved to ids. Reused for every entry of a file.</summary>
internal sealed class ParsedEntry
{
    public long EndedAt;
    public bool HasEndedAt;
    public int MsPlayed;
    public bool HasMsPlayed;
    public bool SawTimestampKey;
    public bool SawMsPlayedKey;

    public readonly TextSlot TrackName = new();
    public readonly TextSlot ArtistName = new();
    public readonly TextSlot AlbumName = new();
    public readonly TextSlot TrackUri = new();
    public readonly TextSlot EpisodeName = new();
    public readonly TextSlot ShowName = new();
    public readonly TextSlot EpisodeUri = new();
    public readonly TextSlot AudiobookTitle = new();
    public readonly TextSlot AudiobookUri = new();
    public readonly TextSlot ChapterUri = new();
    public readonly TextSlot ChapterTitle = new();
    public readonly TextSlot AuthorName = new();
    public readonly TextSlot Platform = new();
    public readonly TextSlot Country = new();
    public readonly TextSlot ReasonStart = new();
    public readonly TextSlot ReasonEnd = new();
    public readonly TextSlot RawTimestamp = new();

    /// <summary>-1 unknown, 0 false, 1 true.</summary>
    public sbyte Shuffle, Skipped, Offline, Incognito;
    public long OfflineTimestamp;

    public void Reset()
    {
        HasEndedAt = HasMsPlayed = SawTimestampKey = SawMsPlayedKey = false;
        EndedAt = 0;
        MsPlayed = 0;
        TrackName.Clear();
        ArtistName.Clear();
        AlbumName.Clear();
        TrackUri.Clear();
        EpisodeName.Clear();
        ShowName.Clear();
        EpisodeUri.Clear();
        AudiobookTitle.Clear();
        AudiobookUri.Clear();
        ChapterUri.Clear();
        ChapterTitle.Clear();
        AuthorName.Clear();
        Platform.Clear();
        Country.Clear();
        ReasonStart.Clear();
        ReasonEnd.Clear();
        Shuffle = Skipped = Offline = Incognito = -1;
        OfflineTimestamp = 0;
    }
}

/// <summary>
/// One string value of the current entry (or null), kept as its raw JSON bytes: copying bytes is a memcpy,
/// and most values (the names of a track already known by its URI) are never needed as text at all.
/// </summary>
internal sealed class TextSlot
{
    private byte[] _bytes = new byte[128];
    private char[] _chars = new char[128];
    private int _byteLength;
    private bool _escaped;
    private int _charLength = -1;

    public bool HasValue { get; private set; }

    /// <summary>Null and "" both count as absent: exports write either for "no value".</summary>
    public bool IsBlank => _byteLength == 0;

    /// <summary>The raw bytes as they stood in the file (escapes not undone); equal bytes are an equal value.</summary>
    public ReadOnlySpan<byte> Raw => _bytes.AsSpan(0, _byteLength);

    /// <summary>The value as text, decoded on first use.</summary>
    public ReadOnlySpan<char> Span
    {
        get
        {
            if (_charLength < 0)
            {
                _charLength = Decode();
            }
            return _chars.AsSpan(0, _charLength);
        }
    }

    public void Clear()
    {
        _byteLength = 0;
        _charLength = 0;
        HasValue = false;
    }

    public void Read(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            Clear();
            return;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            throw EntryFormatException.WrongType(field, "a string", reader.TokenType);
        }
        var value = reader.ValueSpan;
        if (_bytes.Length < value.Length)
        {
            _bytes = new byte[Math.Max(value.Length, _bytes.Length * 2)];
        }
        value.CopyTo(_bytes);
        _byteLength = value.Length;
        _escaped = reader.ValueIsEscaped;
        _charLength = -1;
        HasValue = true;
    }

    private int Decode()
    {
        // A UTF-8 string never needs more UTF-16 chars than it has bytes.
        if (_chars.Length < _byteLength)
        {
            _chars = new char[Math.Max(_byteLength, _chars.Length * 2)];
        }
        if (!_escaped)
        {
            return System.Text.Encoding.UTF8.GetChars(Raw, _chars);
        }
        // Let the JSON reader undo the escapes: wrap the raw value in quotes and read it back.
        var quoted = new byte[_byteLength + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        Raw.CopyTo(quoted.AsSpan(1));
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.CopyString(_chars);
    }

    public override string ToString() => new(Span);
}

/// <summary>An entry whose value has the wrong type; the reader adds the file, entry number and position.</summary>
internal sealed class EntryFormatException(string message) : Exception(message)
{
    public static EntryFormatException WrongType(string field, string expected, JsonTokenType found) =>
        new($"\"{field}\" should be {expected}, found {Describe(found)}");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString().ToLowerInvariant(),
    };
}
