using Microsoft.Data.Sqlite;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// Inserts the artists, albums, tracks ... an import met for the first time, with the ids the catalogue gave
/// them. A first import of a big export creates a few hundred thousand of these, hence prepared raw statements.
/// Full track credits (<c>TrackArtists</c>) come from Spotify metadata, not from exports, which name one artist.
/// </summary>
internal sealed class CatalogWriter(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, RawStatement> _statements = [];

    public void Insert(CatalogChanges changes)
    {
        Names("INSERT INTO Platforms (Id, Name) VALUES (?1, ?2)", changes.Platforms);
        Names("INSERT INTO Countries (Id, Code) VALUES (?1, ?2)", changes.Countries);
        Names("INSERT INTO Reasons (Id, Name) VALUES (?1, ?2)", changes.Reasons);
        Names("INSERT INTO Artists (Id, Name) VALUES (?1, ?2)", changes.Artists);
        Names("INSERT INTO Shows (Id, Name) VALUES (?1, ?2)", changes.Shows);
        Rows("INSERT INTO Audiobooks (Id, Title, Author, SpotifyId) VALUES (?1, ?2, ?3, ?4)", changes.Audiobooks, (s, a) =>
        {
            s.Bind(1, a.Id);
            s.Bind(2, a.Title);
            s.Bind(3, a.Author);
            s.Bind(4, a.SpotifyId);
        });
        Items("INSERT INTO Albums (Id, ArtistId, Name, SpotifyId) VALUES (?1, ?2, ?3, ?4)", changes.Albums);
        Rows("INSERT INTO Tracks (Id, Name, SpotifyId, ArtistId, AlbumId) VALUES (?1, ?2, ?3, ?4, ?5)", changes.Tracks, (s, t) =>
        {
            s.Bind(1, t.Id);
            s.Bind(2, t.Name);
            s.Bind(3, t.SpotifyId);
            s.Bind(4, t.ArtistId);
            s.BindId(5, t.AlbumId);
        });
        Identified("UPDATE Tracks SET SpotifyId = ?2, AlbumId = IFNULL(AlbumId, ?3) WHERE Id = ?1", changes.TracksIdentified);
        Items("INSERT INTO Episodes (Id, ShowId, Name, SpotifyId) VALUES (?1, ?2, ?3, ?4)", changes.Episodes);
        Identified("UPDATE Episodes SET SpotifyId = ?2 WHERE Id = ?1", changes.EpisodesIdentified);
        Items("INSERT INTO Chapters (Id, AudiobookId, Title, SpotifyId) VALUES (?1, ?2, ?3, ?4)", changes.Chapters);
        Identified("UPDATE Chapters SET SpotifyId = ?2 WHERE Id = ?1", changes.ChaptersIdentified);
    }

    private void Names(string sql, List<NewName> rows) => Rows(sql, rows, (s, n) =>
    {
        s.Bind(1, n.Id);
        s.Bind(2, n.Name);
    });

    private void Items(string sql, List<NewItem> rows) => Rows(sql, rows, (s, item) =>
    {
        s.Bind(1, item.Id);
        s.Bind(2, item.OwnerId);
        s.Bind(3, item.Name);
        s.Bind(4, item.SpotifyId);
    });

    private void Identified(string sql, List<Identified> rows) => Rows(sql, rows, (s, item) =>
    {
        s.Bind(1, item.Id);
        s.Bind(2, item.SpotifyId);
        s.BindId(3, item.AlbumId);
    });

    private void Rows<T>(string sql, List<T> rows, Action<RawStatement, T> bind)
    {
        if (rows.Count == 0)
        {
            return;
        }
        if (!_statements.TryGetValue(sql, out var statement))
        {
            _statements[sql] = statement = new RawStatement(connection, sql);
        }
        foreach (var row in rows)
        {
            bind(statement, row);
            statement.Execute();
        }
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }
    }
}
