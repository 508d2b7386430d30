namespace MusicAnalyser.Features.Import;

/// <summary>
/// A string → id map that is looked up with a <see cref="ReadOnlySpan{T}"/> of chars, so the importer
/// allocates a string only the first time it meets a name, not once per play.
/// </summary>
internal sealed class SpanIdMap
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public SpanIdMap()
    {
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        _bySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> key, out int id) => _bySpan.TryGetValue(key, out id);

    public void Add(string key, int id) => _ids[key] = id;
}
