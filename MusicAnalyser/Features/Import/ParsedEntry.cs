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

/// <summary>A reusable char buffer holding one string value of the current entry (or null).</summary>
internal sealed class TextSlot
{
    private char[] _chars = new char[128];

    public int Length { get; private set; }
    public bool HasValue { get; private set; }

    /// <summary>Null and "" both count as absent: exports write either for "no value".</summary>
    public bool IsBlank => Length == 0;

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Clear()
    {
        Length = 0;
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
        // A UTF-8 string never needs more UTF-16 chars than it has bytes.
        var needed = reader.ValueSpan.Length;
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }
        Length = reader.CopyString(_chars);
        HasValue = true;
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
