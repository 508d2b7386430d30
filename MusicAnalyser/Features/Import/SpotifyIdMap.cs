namespace MusicAnalyser.Features.Import;

/// <summary>
/// Spotify id → row id. A Spotify id is 22 base-62 characters; packed six bits a character into a small
/// struct it needs no string at all, which for the hundreds of thousands of tracks of a long history saves
/// a third of the importer's memory. Anything that is not such an id falls back to a string key.
/// </summary>
internal sealed class SpotifyIdMap
{
    private const int IdLength = 22;
    private readonly Dictionary<PackedId, int> _packed = [];
    private readonly SpanIdMap _other = new();

    public bool TryGet(ReadOnlySpan<char> spotifyId, out int id) =>
        TryPack(spotifyId, out var key) ? _packed.TryGetValue(key, out id) : _other.TryGet(spotifyId, out id);

    public void Add(ReadOnlySpan<char> spotifyId, int id)
    {
        if (TryPack(spotifyId, out var key))
        {
            _packed[key] = id;
        }
        else
        {
            _other.Add(spotifyId.ToString(), id);
        }
    }

    private static bool TryPack(ReadOnlySpan<char> s, out PackedId key)
    {
        key = default;
        if (s.Length != IdLength)
        {
            return false;
        }
        ulong a = 0, b = 0;
        uint c = 0;
        for (var i = 0; i < IdLength; i++)
        {
            var v = Base62(s[i]);
            if (v < 0)
            {
                return false;
            }
            if (i < 10) a = (a << 6) | (uint)v;
            else if (i < 20) b = (b << 6) | (uint)v;
            else c = (c << 6) | (uint)v;
        }
        key = new PackedId(a, b, c);
        return true;
    }

    private static int Base62(char ch) => ch < 128 ? Digits[ch] : -1;

    // '0'-'9' → 0-9, 'a'-'z' → 10-35, 'A'-'Z' → 36-61, anything else -1.
    private static ReadOnlySpan<sbyte> Digits =>
    [
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1, -1, -1, -1, -1,
        -1, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50,
        51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, -1, -1, -1, -1, -1,
        -1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
        25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, -1, -1, -1, -1, -1,
    ];

    private readonly record struct PackedId(ulong A, ulong B, uint C);
}
