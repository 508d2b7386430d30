using Microsoft.Data.Sqlite;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// What the database already knows (artists, albums, tracks, shows, ... and the repeated strings), held in
/// memory for one import so that resolving an entry to ids never queries the database. New rows get their
/// ids here and are handed to the writer as <see cref="CatalogChanges"/>.
/// </summary>
internal sealed class ImportCatalog
{
    public const string NoItem = "no track or episode";
    public const string NoEndTime = "no end time";

    private readonly NameIndex _platforms = new(), _countries = new(), _reasons = new();
    private readonly NameIndex _artists = new(), _shows = new(), _audiobooks = new();
    private readonly AlbumIndex _albums = new();
    private readonly ItemIndex _tracks = new(), _episodes = new(), _chapters = new();
    private readonly LastValue _platform = new(), _country = new(), _reasonStart = new(), _reasonEnd = new();
    private CatalogChanges _changes = new();

    /// <param name="open">opens a further connection: the names of tracks, episodes and chapters load on a
    /// worker meanwhile, since an entry known by its Spotify id (most of a re-import) never needs them.</param>
    public static ImportCatalog Load(SqliteConnection connection, Func<SqliteConnection> open)
    {
        var catalog = new ImportCatalog();
        Read(connection, "SELECT Id, Name FROM Platforms", r => catalog._platforms.Load(r.GetInt32(0), r.GetString(1)));
        Read(connection, "SELECT Id, Code FROM Countries", r => catalog._countries.Load(r.GetInt32(0), r.GetString(1)));
        Read(connection, "SELECT Id, Name FROM Reasons", r => catalog._reasons.Load(r.GetInt32(0), r.GetString(1)));
        Read(connection, "SELECT Id, Name FROM Artists", r => catalog._artists.Load(r.GetInt32(0), r.GetString(1)));
        Read(connection, "SELECT Id, Name FROM Shows", r => catalog._shows.Load(r.GetInt32(0), r.GetString(1)));
        Read(connection, "SELECT Id, Title FROM Audiobooks", r => catalog._audiobooks.Load(r.GetInt32(0), r.GetString(1)));
        Read(connection, "SELECT Id, IFNULL(ArtistId, 0), Name FROM Albums", r => catalog._albums.Load(r.GetInt32(0), r.GetInt32(1), r.GetString(2)));
        catalog._tracks.Load(connection, open, "Tracks", "ArtistId", "Name");
        catalog._episodes.Load(connection, open, "Episodes", "ShowId", "Name");
        catalog._chapters.Load(connection, open, "Chapters", "AudiobookId", "Title");
        return catalog;
    }

    private static void Read(SqliteConnection connection, string sql, Action<SqliteDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    /// <summary>The new rows since the last call, or null when there are none.</summary>
    public CatalogChanges? TakeChanges()
    {
        if (_changes.IsEmpty)
        {
            return null;
        }
        var taken = _changes;
        _changes = new CatalogChanges();
        return taken;
    }

    /// <summary>Fills the ids of <paramref name="row"/>; returns the reason when the entry is not a play we can store.</summary>
    public string? Resolve(ParsedEntry e, ExportFormat format, ref PlayRow row)
    {
        if (!e.HasEndedAt)
        {
            return NoEndTime;
        }
        row.TrackId = row.EpisodeId = row.ChapterId = 0;
        var video = format == ExportFormat.ExtendedVideo;
        if (!format.IsExtended() && IsRemovedTrack(e))
        {
            return NoItem;
        }

        if (!e.ChapterUri.IsBlank || !e.AudiobookTitle.IsBlank || (format == ExportFormat.AccountAudiobook && !e.ChapterTitle.IsBlank))
        {
            row.Kind = video ? PlayKind.Video : PlayKind.Audiobook;
            row.ChapterId = ResolveChapter(e);
        }
        else if (!e.EpisodeUri.IsBlank || !e.EpisodeName.IsBlank)
        {
            row.Kind = video ? PlayKind.Video : PlayKind.Podcast;
            row.EpisodeId = ResolveEpisode(e);
        }
        else if (!e.TrackUri.IsBlank || !e.TrackName.IsBlank)
        {
            row.Kind = video ? PlayKind.Video : PlayKind.Music;
            row.TrackId = ResolveTrack(e);
        }
        else
        {
            return NoItem;
        }

        row.PlatformId = _platform.Resolve(e.Platform, _platforms, _changes.Platforms);
        row.CountryId = _country.Resolve(e.Country, _countries, _changes.Countries);
        row.ReasonStartId = _reasonStart.Resolve(e.ReasonStart, _reasons, _changes.Reasons);
        row.ReasonEndId = _reasonEnd.Resolve(e.ReasonEnd, _reasons, _changes.Reasons);
        return null;
    }

    private int ResolveTrack(ParsedEntry e)
    {
        var spotifyId = SpotifyId(e.TrackUri.Span, "spotify:track:");
        if (!spotifyId.IsEmpty && _tracks.BySpotifyId.TryGet(spotifyId, out var known))
        {
            return known;
        }
        var artistId = _artists.Resolve(e.ArtistName.Span, _changes.Artists, allowEmpty: true);
        var albumId = e.AlbumName.IsBlank ? 0 : _albums.Resolve(artistId, e.AlbumName.Span, _changes.Albums);
        var name = e.TrackName.Span;
        switch (_tracks.Resolve(spotifyId, artistId, name, out var id, out var spotifyIdText, out var nameText))
        {
            case ItemIndex.Outcome.Created:
                _changes.Tracks.Add(new NewTrack(id, nameText, spotifyIdText, artistId, albumId));
                break;
            case ItemIndex.Outcome.Identified:
                _changes.TracksIdentified.Add(new Identified(id, spotifyIdText!, albumId));
                break;
        }
        return id;
    }

    private int ResolveEpisode(ParsedEntry e)
    {
        var spotifyId = SpotifyId(e.EpisodeUri.Span, "spotify:episode:");
        if (!spotifyId.IsEmpty && _episodes.BySpotifyId.TryGet(spotifyId, out var known))
        {
            return known;
        }
        var showId = _shows.Resolve(e.ShowName.Span, _changes.Shows, allowEmpty: true);
        return ResolveItem(_episodes, spotifyId, showId, e.EpisodeName.Span, _changes.Episodes, _changes.EpisodesIdentified);
    }

    private int ResolveChapter(ParsedEntry e)
    {
        var spotifyId = SpotifyId(e.ChapterUri.Span, "spotify:chapter:");
        if (!spotifyId.IsEmpty && _chapters.BySpotifyId.TryGet(spotifyId, out var known))
        {
            return known;
        }
        var title = e.AudiobookTitle.Span;
        var audiobookId = _audiobooks.Resolve(title, out var newAudiobook);
        if (newAudiobook is not null)
        {
            _changes.Audiobooks.Add(new NewAudiobook(audiobookId, newAudiobook,
                e.AuthorName.IsBlank ? null : e.AuthorName.ToString(), Text(SpotifyId(e.AudiobookUri.Span, "spotify:show:"))));
        }
        var name = e.ChapterTitle.IsBlank ? title : e.ChapterTitle.Span;
        return ResolveItem(_chapters, spotifyId, audiobookId, name, _changes.Chapters, _changes.ChaptersIdentified);
    }

    /// <summary>An episode or chapter: found, created, or (first met by name) now identified by its Spotify id.</summary>
    private static int ResolveItem(ItemIndex index, ReadOnlySpan<char> spotifyId, int ownerId, ReadOnlySpan<char> name,
        List<NewItem> created, List<Identified> identified)
    {
        switch (index.Resolve(spotifyId, ownerId, name, out var id, out var spotifyIdText, out var nameText))
        {
            case ItemIndex.Outcome.Created:
                created.Add(new NewItem(id, ownerId, nameText, spotifyIdText));
                break;
            case ItemIndex.Outcome.Identified:
                identified.Add(new Identified(id, spotifyIdText!, 0));
                break;
        }
        return id;
    }

    /// <summary>
    /// Account data's stand-in for a track Spotify no longer has; extended history gives the same play with no
    /// track at all. Skipped alike in both, so that the account-data copy is not counted as a play of its own.
    /// </summary>
    private static bool IsRemovedTrack(ParsedEntry e) =>
        e.TrackName.Span.SequenceEqual("Unknown Track") && e.ArtistName.Span.SequenceEqual("Unknown Artist");

    /// <summary>The id part of a <c>spotify:kind:ID</c> URI; empty for other URIs (local files) or none.</summary>
    private static ReadOnlySpan<char> SpotifyId(ReadOnlySpan<char> uri, string prefix) =>
        uri.StartsWith(prefix, StringComparison.Ordinal) && uri.Length > prefix.Length ? uri[prefix.Length..] : [];

    private static string? Text(ReadOnlySpan<char> span) => span.IsEmpty ? null : span.ToString();

    /// <summary>
    /// Consecutive entries almost always share platform, country and reasons: remembering the last raw value
    /// and its id skips the decode and the lookup for them.
    /// </summary>
    private sealed class LastValue
    {
        private byte[] _raw = [];
        private int _id;

        public int Resolve(TextSlot value, NameIndex index, List<NewName> created)
        {
            if (value.Raw.SequenceEqual(_raw))
            {
                return _id;
            }
            _id = index.Resolve(value.Span, created);
            _raw = value.Raw.ToArray();
            return _id;
        }
    }

    /// <summary>Names stored once (platforms, countries, reasons, artists, shows, audiobooks; albums within an artist).</summary>
    private sealed class NameIndex
    {
        private readonly SpanIdMap _ids = new();
        private int _maxId;

        public void Load(int id, string name)
        {
            _ids.Add(name, id);
            _maxId = Math.Max(_maxId, id);
        }

        /// <summary>0 for an empty name, unless <paramref name="allowEmpty"/>; a new name is added to <paramref name="created"/>.</summary>
        public int Resolve(ReadOnlySpan<char> name, List<NewName> created, bool allowEmpty = false)
        {
            if (name.IsEmpty && !allowEmpty)
            {
                return 0;
            }
            var id = Resolve(name, out var newName);
            if (newName is not null)
            {
                created.Add(new NewName(id, newName));
            }
            return id;
        }

        /// <param name="created">the name as the string now kept for it, when it is new; else null.</param>
        public int Resolve(ReadOnlySpan<char> name, out string? created)
        {
            created = null;
            if (_ids.TryGet(name, out var id))
            {
                return id;
            }
            id = ++_maxId;
            created = name.ToString();
            _ids.Add(created, id);
            return id;
        }
    }

    /// <summary>Albums, by name within their artist (exports give no album ids).</summary>
    private sealed class AlbumIndex
    {
        private readonly OwnedNameMap _ids = new();
        private int _maxId;

        public void Load(int id, int artistId, string name)
        {
            _ids.Add(artistId, name, id);
            _maxId = Math.Max(_maxId, id);
        }

        public int Resolve(int artistId, ReadOnlySpan<char> name, List<NewItem> created)
        {
            if (_ids.TryGet(artistId, name, out var id))
            {
                return id;
            }
            id = ++_maxId;
            var text = name.ToString();
            _ids.Add(artistId, text, id);
            created.Add(new NewItem(id, artistId, text, null));
            return id;
        }
    }

    /// <summary>Tracks, episodes or chapters: known by Spotify id, or by name within their artist/show/book.</summary>
    private sealed class ItemIndex
    {
        public enum Outcome { Known, Created, Identified }

        public readonly SpotifyIdMap BySpotifyId = new();
        private Task<Names>? _loadingNames;
        private Names? _names;
        private int _maxId;

        /// <summary>Items by name within their owner, and the ones not yet known by a Spotify id.</summary>
        private sealed record Names(OwnedNameMap ByName, HashSet<int> WithoutSpotifyId);

        public void Load(SqliteConnection connection, Func<SqliteConnection> open, string table, string owner, string name)
        {
            Read(connection, $"SELECT Id, SpotifyId FROM {table}", r =>
            {
                var id = r.GetInt32(0);
                if (!r.IsDBNull(1))
                {
                    BySpotifyId.Add(r.GetString(1), id);
                }
                _maxId = Math.Max(_maxId, id);
            });
            _loadingNames = Task.Run(() =>
            {
                var byName = new OwnedNameMap();
                var withoutSpotifyId = new HashSet<int>();
                using var names = open();
                // In id order, so that of two items sharing a name the first one is found by it.
                Read(names, $"SELECT Id, {owner}, {name}, SpotifyId IS NULL FROM {table} ORDER BY Id", r =>
                {
                    byName.Add(r.GetInt32(1), r.GetString(2), r.GetInt32(0));
                    if (r.GetBoolean(3))
                    {
                        withoutSpotifyId.Add(r.GetInt32(0));
                    }
                });
                return new Names(byName, withoutSpotifyId);
            });
        }

        /// <summary>Waits for the names the first time they are needed.</summary>
        private OwnedNameMap ByName => (_names ??= _loadingNames?.GetAwaiter().GetResult() ?? new Names(new OwnedNameMap(), [])).ByName;

        private HashSet<int> WithoutSpotifyId
        {
            get
            {
                _ = ByName;
                return _names!.WithoutSpotifyId;
            }
        }

        /// <summary>
        /// Finds or creates the item. An item first met by name only (account data) that now arrives with its
        /// Spotify id is the same item: it is identified rather than duplicated.
        /// </summary>
        /// <param name="nameText">for a created item, the name as the string the catalogue keeps (write the row with it).</param>
        public Outcome Resolve(ReadOnlySpan<char> spotifyId, int owner, ReadOnlySpan<char> name, out int id, out string? spotifyIdText, out string nameText)
        {
            spotifyIdText = null;
            nameText = "";
            if (ByName.TryGet(owner, name, out id))
            {
                if (spotifyId.IsEmpty)
                {
                    return Outcome.Known;
                }
                if (WithoutSpotifyId.Remove(id))
                {
                    BySpotifyId.Add(spotifyId, id);
                    spotifyIdText = spotifyId.ToString();
                    return Outcome.Identified;
                }
            }
            id = ++_maxId;
            if (spotifyId.IsEmpty)
            {
                WithoutSpotifyId.Add(id);
            }
            else
            {
                BySpotifyId.Add(spotifyId, id);
                spotifyIdText = spotifyId.ToString();
            }
            nameText = name.ToString();
            ByName.Add(owner, nameText, id);
            return Outcome.Created;
        }
    }
}

internal readonly record struct NewName(int Id, string Name);

internal readonly record struct NewItem(int Id, int OwnerId, string Name, string? SpotifyId);

internal readonly record struct NewTrack(int Id, string Name, string? SpotifyId, int ArtistId, int AlbumId);

internal readonly record struct NewAudiobook(int Id, string Title, string? Author, string? SpotifyId);

internal readonly record struct Identified(int Id, string SpotifyId, int AlbumId);

/// <summary>Rows the catalogue created since the writer last took them, in dependency order per list.</summary>
internal sealed class CatalogChanges
{
    public List<NewName> Platforms { get; } = [];
    public List<NewName> Countries { get; } = [];
    public List<NewName> Reasons { get; } = [];
    public List<NewName> Artists { get; } = [];
    public List<NewName> Shows { get; } = [];
    public List<NewAudiobook> Audiobooks { get; } = [];
    public List<NewItem> Albums { get; } = [];
    public List<NewTrack> Tracks { get; } = [];
    public List<Identified> TracksIdentified { get; } = [];
    public List<NewItem> Episodes { get; } = [];
    public List<Identified> EpisodesIdentified { get; } = [];
    public List<NewItem> Chapters { get; } = [];
    public List<Identified> ChaptersIdentified { get; } = [];

    public bool IsEmpty =>
        Platforms.Count + Countries.Count + Reasons.Count + Artists.Count + Shows.Count + Audiobooks.Count + Albums.Count
        + Tracks.Count + TracksIdentified.Count + Episodes.Count + EpisodesIdentified.Count + Chapters.Count + ChaptersIdentified.Count == 0;
}
