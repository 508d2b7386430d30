using Microsoft.Data.Sqlite;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// Account data repeats the last year of extended history with less detail. A pair is the same play when the
/// kind, the artist and track (show and episode; book and chapter) names, and ms played match, and the end
/// times agree to the minute. The extended record is kept, in whichever order the two arrive: account-data
/// rows that extended history already holds are never written, and account-data plays stored before their
/// extended history arrived are replaced by it. One instance serves one import, on the writer's connection.
/// </summary>
internal sealed class AccountDataReconciler(SqliteConnection connection)
{
    public const string SkipReason = "duplicate of an extended-history play";

    // Account data gives the end minute; allow the neighbouring minutes for clocks that round instead of cut.
    private const long MinuteSlack = 1;
    private const long WindowSlack = 120;

    private readonly Dictionary<(PlayKind Kind, int Item), int> _nameKeys = [];
    private readonly Dictionary<(PlayKind, string, string), int> _names = [];

    // Extended plays of the times loaded so far, as a multiset: a play matched once is not matched again.
    private readonly Dictionary<PlayKey, int> _extended = [];
    private readonly List<(long From, long To)> _loaded = [];

    /// <summary>Extended history is about to change: what was loaded of it is stale.</summary>
    public void Forget()
    {
        _extended.Clear();
        _loaded.Clear();
    }

    /// <summary>A file was rolled back: the ids it created are gone, and may be given to other names.</summary>
    public void Reset()
    {
        Forget();
        _nameKeys.Clear();
        _names.Clear();
    }

    /// <summary>
    /// Removes from an account-data batch the rows extended history already holds (compacting the array);
    /// returns how many were removed.
    /// </summary>
    public int RemoveKnownPlays(SqliteTransaction transaction, PlayRow[] rows, ref int count)
    {
        if (count == 0)
        {
            return 0;
        }
        long first = long.MaxValue, last = long.MinValue;
        for (var i = 0; i < count; i++)
        {
            first = Math.Min(first, rows[i].EndedAt);
            last = Math.Max(last, rows[i].EndedAt);
        }
        LoadExtended(transaction, first - WindowSlack, last + WindowSlack);
        ResolveNames(transaction, Enumerable.Range(0, count).Select(i => (rows[i].Kind, Item(rows[i]))));

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            if (!Take(new PlayKey(row.Kind, _nameKeys.GetValueOrDefault((row.Kind, Item(row)), -1), row.MsPlayed, row.EndedAt / 60)))
            {
                rows[kept++] = row;
            }
        }
        var removed = count - kept;
        count = kept;
        return removed;
    }

    /// <summary>
    /// After an extended-history file is written: deletes the account-data plays that its new plays supersede;
    /// returns how many. Only the plays this file added count: an older one has matched its copy already.
    /// </summary>
    public long ReplaceAccountCopies(SqliteTransaction transaction, ImportFileWork file, long fileId)
    {
        var from = file.FirstPlayAt - WindowSlack;
        var to = file.LastPlayAt + WindowSlack;
        if (file.Added == 0 || !AccountDataOverlaps(transaction, from, to))
        {
            return 0;
        }
        Forget();
        var added = Plays(transaction, PlaySource.ExtendedHistory, from, to, fileId);
        ResolveNames(transaction, added.Select(p => (p.Kind, p.Item)));
        foreach (var play in added)
        {
            var key = new PlayKey(play.Kind, _nameKeys.GetValueOrDefault((play.Kind, play.Item), -1), play.MsPlayed, play.Minute);
            _extended[key] = _extended.GetValueOrDefault(key) + 1;
        }
        var account = Plays(transaction, PlaySource.AccountData, from, to);
        ResolveNames(transaction, account.Select(p => (p.Kind, p.Item)));

        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM Plays WHERE Id = $id";
        var id = delete.Parameters.Add("$id", SqliteType.Integer);
        long replaced = 0;
        foreach (var play in account)
        {
            if (Take(new PlayKey(play.Kind, _nameKeys.GetValueOrDefault((play.Kind, play.Item), -1), play.MsPlayed, play.Minute)))
            {
                id.Value = play.Id;
                delete.ExecuteNonQuery();
                replaced++;
            }
        }
        Forget();
        return replaced;
    }

    private static int Item(in PlayRow row) => row.TrackId + row.EpisodeId + row.ChapterId;

    private bool Take(PlayKey key)
    {
        for (var offset = 0L; offset <= MinuteSlack; offset++)
        {
            foreach (var minute in offset == 0 ? [key.Minute] : new[] { key.Minute + offset, key.Minute - offset })
            {
                var candidate = key with { Minute = minute };
                if (_extended.TryGetValue(candidate, out var count) && count > 0)
                {
                    _extended[candidate] = count - 1;
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Adds the extended plays of [from, to] not loaded yet to the multiset.</summary>
    private void LoadExtended(SqliteTransaction transaction, long from, long to)
    {
        foreach (var (start, end) in Uncovered(from, to))
        {
            var plays = Plays(transaction, PlaySource.ExtendedHistory, start, end);
            ResolveNames(transaction, plays.Select(p => (p.Kind, p.Item)));
            foreach (var play in plays)
            {
                var key = new PlayKey(play.Kind, _nameKeys.GetValueOrDefault((play.Kind, play.Item), -1), play.MsPlayed, play.Minute);
                _extended[key] = _extended.GetValueOrDefault(key) + 1;
            }
            _loaded.Add((start, end));
        }
    }

    /// <summary>The parts of [from, to] that no loaded range covers (batches need not come in time order).</summary>
    private List<(long From, long To)> Uncovered(long from, long to)
    {
        var gaps = new List<(long, long)>();
        var next = from;
        foreach (var (start, end) in _loaded.Where(r => r.To >= from && r.From <= to).OrderBy(r => r.From))
        {
            if (start > next)
            {
                gaps.Add((next, start - 1));
            }
            next = Math.Max(next, end + 1);
        }
        if (next <= to)
        {
            gaps.Add((next, to));
        }
        return gaps;
    }

    /// <summary>Music, podcast and audiobook plays of one source ending in [from, to], read from the identity index alone.</summary>
    private List<(long Id, PlayKind Kind, int MsPlayed, long Minute, int Item)> Plays(SqliteTransaction transaction, PlaySource source, long from, long to, long? fileId = null)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"""
            SELECT Id, Kind, MsPlayed, EndedAt / 60, IFNULL(TrackId, 0), IFNULL(EpisodeId, 0), IFNULL(ChapterId, 0)
            FROM Plays INDEXED BY IX_Plays_Identity
            WHERE EndedAt BETWEEN $from AND $to AND Kind IN (1, 2, 3) AND Source = $source{(fileId is null ? "" : " AND ImportFileId = $file")}
            ORDER BY Id
            """;
        select.Parameters.AddWithValue("$from", from);
        select.Parameters.AddWithValue("$to", to);
        select.Parameters.AddWithValue("$source", (int)source);
        select.Parameters.AddWithValue("$file", fileId ?? 0);
        var plays = new List<(long, PlayKind, int, long, int)>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            plays.Add((reader.GetInt64(0), (PlayKind)reader.GetByte(1), reader.GetInt32(2), reader.GetInt64(3),
                reader.GetInt32(4) + reader.GetInt32(5) + reader.GetInt32(6)));
        }
        return plays;
    }

    /// <summary>Gives items that share their names (artist and track; show and episode; book and chapter) one key.</summary>
    private void ResolveNames(SqliteTransaction transaction, IEnumerable<(PlayKind Kind, int Item)> items)
    {
        foreach (var group in items.Where(i => !_nameKeys.ContainsKey(i)).Distinct().GroupBy(i => i.Kind))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = group.Key switch
            {
                PlayKind.Music => "SELECT t.Id, a.Name, t.Name FROM Tracks t JOIN Artists a ON a.Id = t.ArtistId WHERE t.Id IN (SELECT value FROM json_each($ids))",
                PlayKind.Podcast => "SELECT e.Id, s.Name, e.Name FROM Episodes e JOIN Shows s ON s.Id = e.ShowId WHERE e.Id IN (SELECT value FROM json_each($ids))",
                _ => "SELECT c.Id, b.Title, c.Title FROM Chapters c JOIN Audiobooks b ON b.Id = c.AudiobookId WHERE c.Id IN (SELECT value FROM json_each($ids))",
            };
            command.Parameters.AddWithValue("$ids", "[" + string.Join(",", group.Select(i => i.Item)) + "]");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var name = (group.Key, reader.GetString(1), reader.GetString(2));
                if (!_names.TryGetValue(name, out var key))
                {
                    _names[name] = key = _names.Count;
                }
                _nameKeys[(group.Key, reader.GetInt32(0))] = key;
            }
        }
    }

    private bool AccountDataOverlaps(SqliteTransaction transaction, long from, long to)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var formats = Enum.GetValues<ExportFormat>().Where(f => !f.IsExtended()).Select(f => $"'{f}'");
        command.CommandText = $"""
            SELECT EXISTS (SELECT 1 FROM ImportFiles WHERE Error IS NULL AND Format IN ({string.Join(", ", formats)})
                           AND FirstPlayAt <= $to AND LastPlayAt >= $from)
            """;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private readonly record struct PlayKey(PlayKind Kind, int Name, int MsPlayed, long Minute);
}
