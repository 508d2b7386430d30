using System.Text.Json;

namespace MusicAnalyser.Features.Import;

/// <summary>One export entry as read, before its names are resolved to ids. Reused for every entry of a file.</summary>
internal sealed class ParsedEntry
{
    public ParsedEntry()
    {
        TrackName = new(this);
        ArtistName = new(this);
        AlbumName = new(this);
        TrackUri = new(this);
        EpisodeName = new(this);
        ShowName = new(this);
        EpisodeUri = new(this);
        AudiobookTitle = new(this);
        AudiobookUri = new(this);
        ChapterUri = new(this);
        ChapterTitle = new(this);
        AuthorName = new(this);
        Platform = new(this);
        Country = new(this);
        ReasonStart = new(this);
        ReasonEnd = new(this);
    }

    /// <summary>The bytes the reader is reading and where its span starts: text values point into them.</summary>
    public byte[] Buffer = [];
    public int BufferStart;

    public long EndedAt;
    public bool HasEndedAt;
    public int MsPlayed;
    public bool HasMsPlayed;
    public bool SawTimestampKey;
    public bool SawMsPlayedKey;

    public readonly TextSlot TrackName;
    public readonly TextSlot ArtistName;
    public readonly TextSlot AlbumName;
    public readonly TextSlot TrackUri;
    public readonly TextSlot EpisodeName;
    public readonly TextSlot ShowName;
    public readonly TextSlot EpisodeUri;
    public readonly TextSlot AudiobookTitle;
    public readonly TextSlot AudiobookUri;
    public readonly TextSlot ChapterUri;
    public readonly TextSlot ChapterTitle;
    public readonly TextSlot AuthorName;
    public readonly TextSlot Platform;
    public readonly TextSlot Country;
    public readonly TextSlot ReasonStart;
    public readonly TextSlot ReasonEnd;

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
/// One string value of the current entry (or null): where its raw JSON bytes stand in the reader's buffer.
/// Nothing is copied while reading, and most values (the names of a track already known by its URI) are
/// never needed as text at all. Valid until the reader moves on to the next entry.
/// </summary>
internal sealed class TextSlot(ParsedEntry owner)
{
    private char[] _chars = new char[128];
    private int _offset, _byteLength;
    private bool _escaped;
    private int _charLength = -1;

    public bool HasValue { get; private set; }

    /// <summary>Null and "" both count as absent: exports write either for "no value".</summary>
    public bool IsBlank => _byteLength == 0;

    /// <summary>The raw bytes as they stand in the file (escapes not undone); equal bytes are an equal value.</summary>
    public ReadOnlySpan<byte> Raw => owner.Buffer.AsSpan(_offset, _byteLength);

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
        // A string token starts at its opening quote; its value follows it in the same contiguous buffer.
        _offset = owner.BufferStart + (int)reader.TokenStartIndex + 1;
        _byteLength = reader.ValueSpan.Length;
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
        try
        {
            return reader.CopyString(_chars);
        }
        catch (InvalidOperationException e)
        {
            throw new EntryFormatException($"a text value is not valid UTF-8 ({e.Message})");
        }
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
