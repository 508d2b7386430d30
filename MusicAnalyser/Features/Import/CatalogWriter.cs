using Microsoft.Data.Sqlite;

namespace MusicAnalyser.Features.Import;

/// <summary>Inserts the artists, albums, tracks ... an import met for the first time, with the ids the catalogue gave them.</summary>
internal static class CatalogWriter
{
    public static void Insert(SqliteConnection connection, SqliteTransaction? transaction, CatalogChanges changes)
    {
        Names(connection, transaction, "INSERT INTO Platforms (Id, Name) VALUES ($id, $a)", changes.Platforms);
        Names(connection, transaction, "INSERT INTO Countries (Id, Code) VALUES ($id, $a)", changes.Countries);
        Names(connection, transaction, "INSERT INTO Reasons (Id, Name) VALUES ($id, $a)", changes.Reasons);
        Names(connection, transaction, "INSERT INTO Artists (Id, Name) VALUES ($id, $a)", changes.Artists);
        Names(connection, transaction, "INSERT INTO Shows (Id, Name) VALUES ($id, $a)", changes.Shows);
        Rows(connection, transaction, "INSERT INTO Audiobooks (Id, Title, Author, SpotifyId) VALUES ($id, $a, $b, $c)", changes.Audiobooks,
            a => (a.Id, a.Title, a.Author, a.SpotifyId));
        Rows(connection, transaction, "INSERT INTO Albums (Id, ArtistId, Name) VALUES ($id, $b, $a)", changes.Albums,
            a => (a.Id, a.Name, (object)a.OwnerId, null));
        Rows(connection, transaction, "INSERT INTO Tracks (Id, Name, SpotifyId, ArtistId, AlbumId) VALUES ($id, $a, $c, $b, $d)", changes.Tracks,
            t => (t.Id, t.Name, t.ArtistId, t.SpotifyId), t => t.AlbumId);
        Rows(connection, transaction, "INSERT INTO TrackArtists (TrackId, Position, ArtistId) VALUES ($id, 0, $b)", changes.Tracks,
            t => (t.Id, null, t.ArtistId, null));
        Rows(connection, transaction, "UPDATE Tracks SET SpotifyId = $a, AlbumId = IFNULL(AlbumId, $d) WHERE Id = $id", changes.TracksIdentified,
            t => (t.Id, t.SpotifyId, null, null), t => t.AlbumId);
        Rows(connection, transaction, "INSERT INTO Episodes (Id, Name, ShowId, SpotifyId) VALUES ($id, $a, $b, $c)", changes.Episodes,
            e => (e.Id, e.Name, e.OwnerId, e.SpotifyId));
        Rows(connection, transaction, "UPDATE Episodes SET SpotifyId = $a WHERE Id = $id", changes.EpisodesIdentified,
            e => (e.Id, e.SpotifyId, null, null));
        Rows(connection, transaction, "INSERT INTO Chapters (Id, Title, AudiobookId, SpotifyId) VALUES ($id, $a, $b, $c)", changes.Chapters,
            c => (c.Id, c.Name, c.OwnerId, c.SpotifyId));
        Rows(connection, transaction, "UPDATE Chapters SET SpotifyId = $a WHERE Id = $id", changes.ChaptersIdentified,
            c => (c.Id, c.SpotifyId, null, null));
    }

    private static void Names(SqliteConnection connection, SqliteTransaction? transaction, string sql, List<NewName> rows) =>
        Rows(connection, transaction, sql, rows, n => (n.Id, n.Name, null, null));

    private static void Rows<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, List<T> rows,
        Func<T, (int Id, object? A, object? B, object? C)> values, Func<T, int>? optionalId = null)
    {
        if (rows.Count == 0)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var a = command.Parameters.Add("$a", SqliteType.Text);
        var b = command.Parameters.Add("$b", SqliteType.Integer);
        var c = command.Parameters.Add("$c", SqliteType.Text);
        var d = command.Parameters.Add("$d", SqliteType.Integer);
        foreach (var row in rows)
        {
            var (rowId, va, vb, vc) = values(row);
            id.Value = rowId;
            a.Value = va ?? DBNull.Value;
            b.Value = vb ?? DBNull.Value;
            c.Value = vc ?? DBNull.Value;
            d.Value = optionalId?.Invoke(row) is int other and not 0 ? other : DBNull.Value;
            command.ExecuteNonQuery();
        }
    }
}
