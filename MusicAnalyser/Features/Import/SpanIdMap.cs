namespace MusicAnalyser.Features.Import;

/// <summary>
/// A string → id map that is looked up with a <see cref="ReadOnlySpan{T}"/> of chars, so the importer
/// allocates a string only the first time it meets a name, not once per play.
/// Composite keys (an album within its artist) are spelled as the owner id's two chars followed by the name.
/// </summary>
internal sealed class SpanIdMap
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private char[] _scratch = new char[256];

    public SpanIdMap(int capacity = 0)
    {
        _ids = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _bySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _ids.Count;

    public bool TryGet(ReadOnlySpan<char> key, out int id) => _bySpan.TryGetValue(key, out id);

    public bool TryGet(int owner, ReadOnlySpan<char> name, out int id) => _bySpan.TryGetValue(Compose(owner, name), out id);

    public void Add(ReadOnlySpan<char> key, int id) => _bySpan[key] = id;

    /// <summary>Adds the key and returns the string now held for it, for the caller to share instead of copying again.</summary>
    public string AddAndGet(ReadOnlySpan<char> key, int id)
    {
        var text = key.ToString();
        _ids[text] = id;
        return text;
    }

    public void Add(int owner, ReadOnlySpan<char> name, int id) => _bySpan[Compose(owner, name)] = id;

    public void Remove(ReadOnlySpan<char> key) => _bySpan.Remove(key);

    public void Remove(int owner, ReadOnlySpan<char> name) => _bySpan.Remove(Compose(owner, name));

    private ReadOnlySpan<char> Compose(int owner, ReadOnlySpan<char> name)
    {
        if (_scratch.Length < name.Length + 2)
        {
            _scratch = new char[Math.Max(name.Length + 2, _scratch.Length * 2)];
        }
        _scratch[0] = (char)(owner & 0xFFFF);
        _scratch[1] = (char)((uint)owner >> 16);
        name.CopyTo(_scratch.AsSpan(2));
        return _scratch.AsSpan(0, name.Length + 2);
    }
}
