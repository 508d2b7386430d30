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

    public int Count => _packed.Count + _other.Count;

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

    private static int Base62(char ch) => ch switch
    {
        >= '0' and <= '9' => ch - '0',
        >= 'a' and <= 'z' => ch - 'a' + 10,
        >= 'A' and <= 'Z' => ch - 'A' + 36,
        _ => -1,
    };

    private readonly record struct PackedId(ulong A, ulong B, uint C);
}
