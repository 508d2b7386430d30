namespace MusicAnalyser.Features.Import;

/// <summary>
/// (owner id, name) → row id: an album within its artist, a track within its artist, an episode within its
/// show. Looked up with a span (no string per entry read) and keyed by the very string the new row is
/// written with, so a name the import meets for the first time is held once, not twice.
/// </summary>
internal sealed class OwnedNameMap
{
    private readonly Dictionary<OwnedName, int> _ids;
    private readonly Dictionary<OwnedName, int>.AlternateLookup<OwnedNameSpan> _bySpan;

    public OwnedNameMap()
    {
        _ids = new Dictionary<OwnedName, int>(Comparer.Instance);
        _bySpan = _ids.GetAlternateLookup<OwnedNameSpan>();
    }

    public bool TryGet(int owner, ReadOnlySpan<char> name, out int id) => _bySpan.TryGetValue(new OwnedNameSpan(owner, name), out id);

    public void Add(int owner, string name, int id) => _ids.TryAdd(new OwnedName(owner, name), id);

    private readonly record struct OwnedName(int Owner, string Name);

    private readonly ref struct OwnedNameSpan(int owner, ReadOnlySpan<char> name)
    {
        public readonly int Owner = owner;
        public readonly ReadOnlySpan<char> Name = name;
    }

    private sealed class Comparer : IEqualityComparer<OwnedName>, IAlternateEqualityComparer<OwnedNameSpan, OwnedName>
    {
        public static readonly Comparer Instance = new();

        public bool Equals(OwnedName x, OwnedName y) => x.Owner == y.Owner && string.Equals(x.Name, y.Name, StringComparison.Ordinal);

        public int GetHashCode(OwnedName key) => Hash(key.Owner, key.Name);

        public bool Equals(OwnedNameSpan alternate, OwnedName other) => alternate.Owner == other.Owner && alternate.Name.SequenceEqual(other.Name);

        public int GetHashCode(OwnedNameSpan alternate) => Hash(alternate.Owner, alternate.Name);

        public OwnedName Create(OwnedNameSpan alternate) => new(alternate.Owner, alternate.Name.ToString());

        private static int Hash(int owner, ReadOnlySpan<char> name) => HashCode.Combine(owner, string.GetHashCode(name, StringComparison.Ordinal));
    }
}
