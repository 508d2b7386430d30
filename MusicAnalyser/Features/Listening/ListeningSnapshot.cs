using Microsoft.Data.Sqlite;

namespace MusicAnalyser.Features.Listening;

/// <summary>
/// Every music play, held as a few parallel arrays sorted by end time, with the listener's local day and hour
/// worked out once. A period is a range of these arrays (two binary searches), and each statistic is one pass
/// over it: milliseconds at a million plays, where SQL over the plays table takes most of a second. About
/// 20 bytes a play; rebuilt when the data changes (see <see cref="ListeningData"/>), or extended when live capture
/// has only added newer plays or Spotify metadata arrived.
/// </summary>
public sealed class ListeningSnapshot
{
    /// <param name="growing">
    /// The snapshot this one extends. The play arrays have room to spare: while it lasts, the new snapshot shares
    /// them and writes only past <paramref name="growing"/>'s <see cref="Count"/>, which its readers never look at.
    /// </param>
    private ListeningSnapshot(string version, TimeZoneInfo zone, int count, int maxTrack, int maxArtist, int maxAlbum, ListeningSnapshot? growing = null)
    {
        Version = version;
        Zone = zone;
        Count = count;
        if (growing is not null && growing.EndedAt.Length >= count)
        {
            (EndedAt, MsPlayed, Track, LocalDay, LocalHour, Skipped) =
                (growing.EndedAt, growing.MsPlayed, growing.Track, growing.LocalDay, growing.LocalHour, growing.Skipped);
        }
        else
        {
            // Room for a few hundred polls' worth of captured plays before the arrays are copied again.
            var capacity = count + Math.Max(4096, count / 64);
            EndedAt = new long[capacity];
            MsPlayed = new int[capacity];
            Track = new int[capacity];
            LocalDay = new int[capacity];
            LocalHour = new byte[capacity];
            Skipped = new bool[capacity];
            if (growing is not null)
            {
                Array.Copy(growing.EndedAt, EndedAt, growing.Count);
                Array.Copy(growing.MsPlayed, MsPlayed, growing.Count);
                Array.Copy(growing.Track, Track, growing.Count);
                Array.Copy(growing.LocalDay, LocalDay, growing.Count);
                Array.Copy(growing.LocalHour, LocalHour, growing.Count);
                Array.Copy(growing.Skipped, Skipped, growing.Count);
            }
        }
        ArtistOfTrack = new int[maxTrack + 1];
        AlbumOfTrack = new int[maxTrack + 1];
        ArtistCount = maxArtist + 1;
        AlbumCount = maxAlbum + 1;
        ArtistFirstPlay = new long[ArtistCount];
        TrackFirstPlay = new long[maxTrack + 1];
    }

    /// <summary>Identifies the data this snapshot was built from; part of every fragment's ETag.</summary>
    public string Version { get; }

    /// <summary>The highest play id when the snapshot was read: live capture adds its plays above it.</summary>
    public long LastPlayId { get; private set; }
    public TimeZoneInfo Zone { get; }
    public int Count { get; }

    /// <summary>End of each play, Unix seconds UTC, ascending. This and the other play arrays hold <see cref="Count"/> plays and may be longer.</summary>
    public long[] EndedAt { get; }
    public int[] MsPlayed { get; }
    public int[] Track { get; }

    /// <summary>The play's day in the listener's zone, as days since 1970-01-01.</summary>
    public int[] LocalDay { get; }
    public byte[] LocalHour { get; }

    /// <summary>The export says skipped, or the play ended on the forward button.</summary>
    public bool[] Skipped { get; }

    /// <summary>Indexed by track id: its artist (the export's) and album, 0 for none.</summary>
    public int[] ArtistOfTrack { get; }
    public int[] AlbumOfTrack { get; }
    public int ArtistCount { get; }
    public int AlbumCount { get; }

    /// <summary>Genre names by id, and each artist's genres: <c>GenreIds[GenreStart[a]..GenreStart[a + 1]]</c>.</summary>
    public string[] GenreNames { get; private set; } = [];
    public int[] GenreStart { get; private set; } = [];
    public int[] GenreIds { get; private set; } = [];

    /// <summary>Indexed by artist / track id: end of its first play ever, <see cref="long.MaxValue"/> if none.</summary>
    public long[] ArtistFirstPlay { get; }
    public long[] TrackFirstPlay { get; }

    /// <summary>The plays ending in [fromUtc, toUtcExclusive), as an index range.</summary>
    public (int Start, int End) Range(long fromUtc, long toUtcExclusive) => (LowerBound(fromUtc), LowerBound(toUtcExclusive));

    private int LowerBound(long value)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (EndedAt[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    internal static ListeningSnapshot Load(SqliteConnection connection, string version, TimeZoneInfo zone)
    {
        var maxTrack = (int)Scalar(connection, "SELECT IFNULL(MAX(Id), 0) FROM Tracks");
        var maxArtist = (int)Scalar(connection, "SELECT IFNULL(MAX(Id), 0) FROM Artists");
        var maxAlbum = (int)Scalar(connection, "SELECT IFNULL(MAX(Id), 0) FROM Albums");
        var count = (int)Scalar(connection, "SELECT COUNT(*) FROM Plays WHERE Kind = 1 AND TrackId IS NOT NULL");
        var snapshot = new ListeningSnapshot(version, zone, count, maxTrack, maxArtist, maxAlbum)
        {
            LastPlayId = Scalar(connection, "SELECT IFNULL(MAX(Id), 0) FROM Plays"),
        };
        snapshot.LoadTracks(connection);
        snapshot.LoadGenres(connection);
        // Read in storage order (a plain scan, the fastest), then sort by end time here.
        snapshot.ReadPlays(connection, "", 0, 0);
        snapshot.SortByEndTime(0);
        snapshot.Localise(0);
        snapshot.FindFirstPlays();
        return snapshot;
    }

    /// <summary>
    /// The snapshot <paramref name="previous"/> brought up to <paramref name="version"/> without reading every play
    /// again. For a caller that knows nothing was imported since (imports may delete and insert anywhere): plays
    /// only ever arrived from live capture, and when they all end after the last one held they are appended,
    /// with the catalogue and genres (Spotify metadata) read afresh. Null when a full <see cref="Load"/> is needed.
    /// </summary>
    internal static ListeningSnapshot? Extend(ListeningSnapshot previous, SqliteConnection connection, string version)
    {
        var lastPlayId = Scalar(connection, "SELECT IFNULL(MAX(Id), 0) FROM Plays");
        const string Added = "FROM Plays WHERE Id > $after AND Kind = 1 AND TrackId IS NOT NULL";
        var added = (int)Scalar(connection, "SELECT COUNT(*) " + Added, previous.LastPlayId);
        if (added > 0 && previous.Count > 0 && Scalar(connection, "SELECT MIN(EndedAt) " + Added, previous.LastPlayId) < previous.EndedAt[previous.Count - 1])
        {
            return null;
        }
        var snapshot = new ListeningSnapshot(version, previous.Zone, previous.Count + added,
            (int)Scalar(connection, "SELECT IFNULL(MAX(Id), 0) FROM Tracks"),
            (int)Scalar(connection, "SELECT IFNULL(MAX(Id), 0) FROM Artists"),
            (int)Scalar(connection, "SELECT IFNULL(MAX(Id), 0) FROM Albums"),
            growing: previous)
        {
            LastPlayId = lastPlayId,
        };
        snapshot.LoadTracks(connection);
        snapshot.LoadGenres(connection);
        // By rowid (the new plays are the last rows), then into time order here: ORDER BY would walk the time index.
        snapshot.ReadPlays(connection, "AND p.Id > $after", previous.LastPlayId, previous.Count);
        snapshot.SortByEndTime(previous.Count);
        snapshot.Localise(previous.Count);
        snapshot.FindFirstPlays();
        return snapshot;
    }

    private void LoadTracks(SqliteConnection connection)
    {
        using var tracks = connection.CreateCommand();
        tracks.CommandText = "SELECT Id, ArtistId, IFNULL(AlbumId, 0) FROM Tracks";
        using var reader = tracks.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt32(0);
            ArtistOfTrack[id] = reader.GetInt32(1);
            AlbumOfTrack[id] = reader.GetInt32(2);
        }
    }

    /// <summary>Reads music plays (<paramref name="filter"/> narrows and orders them) into the arrays from <paramref name="start"/> on.</summary>
    private void ReadPlays(SqliteConnection connection, string filter, long after, int start)
    {
        using var plays = connection.CreateCommand();
        plays.CommandText = $"""
            SELECT p.EndedAt, p.MsPlayed, p.TrackId, IFNULL(p.Skipped, 0) OR IFNULL(r.Name = 'fwdbtn', 0)
            FROM Plays p LEFT JOIN Reasons r ON r.Id = p.ReasonEndId
            WHERE p.Kind = 1 AND p.TrackId IS NOT NULL {filter}
            """;
        plays.Parameters.AddWithValue("$after", after);
        using var reader = plays.ExecuteReader();
        var i = start;
        while (reader.Read() && i < Count)
        {
            EndedAt[i] = reader.GetInt64(0);
            MsPlayed[i] = reader.GetInt32(1);
            Track[i] = reader.GetInt32(2);
            Skipped[i] = reader.GetBoolean(3);
            i++;
        }
    }

    private void LoadGenres(SqliteConnection connection)
    {
        var names = new Dictionary<int, string>();
        using (var genres = connection.CreateCommand())
        {
            genres.CommandText = "SELECT Id, Name FROM Genres";
            using var reader = genres.ExecuteReader();
            while (reader.Read())
            {
                names[reader.GetInt32(0)] = reader.GetString(1);
            }
        }
        GenreNames = new string[names.Count == 0 ? 0 : names.Keys.Max() + 1];
        foreach (var (id, name) in names)
        {
            GenreNames[id] = name;
        }
        var links = new List<(int Artist, int Genre)>();
        using (var artistGenres = connection.CreateCommand())
        {
            artistGenres.CommandText = "SELECT ArtistId, GenreId FROM ArtistGenres ORDER BY ArtistId";
            using var reader = artistGenres.ExecuteReader();
            while (reader.Read())
            {
                links.Add((reader.GetInt32(0), reader.GetInt32(1)));
            }
        }
        GenreStart = new int[ArtistCount + 1];
        GenreIds = new int[links.Count];
        var next = 0;
        for (var artist = 0; artist < ArtistCount; artist++)
        {
            GenreStart[artist] = next;
            while (next < links.Count && links[next].Artist == artist)
            {
                GenreIds[next] = links[next].Genre;
                next++;
            }
        }
        GenreStart[ArtistCount] = next;
    }

    /// <summary>Puts the plays from <paramref name="start"/> on into end-time order.</summary>
    private void SortByEndTime(int start)
    {
        var length = Count - start;
        var order = new int[length];
        for (var i = 0; i < length; i++)
        {
            order[i] = start + i;
        }
        Array.Sort(EndedAt[start..Count], order);
        Permute(EndedAt, order, start);
        Permute(MsPlayed, order, start);
        Permute(Track, order, start);
        Permute(Skipped, order, start);
    }

    private static void Permute<T>(T[] values, int[] order, int start)
    {
        var copy = values[start..(start + order.Length)];
        for (var i = 0; i < order.Length; i++)
        {
            values[start + i] = copy[order[i] - start];
        }
    }

    /// <summary>Local day and hour of every play from <paramref name="start"/> on; the zone's offset is looked up once per quarter hour of UTC.</summary>
    private void Localise(int start)
    {
        long bucket = long.MinValue;
        var offset = 0L;
        for (var i = start; i < Count; i++)
        {
            var at = EndedAt[i];
            var quarter = Math.DivRem(at, 900, out var rest) - (rest < 0 ? 1 : 0);
            if (quarter != bucket)
            {
                bucket = quarter;
                offset = (long)Zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(bucket * 900)).TotalSeconds;
            }
            var local = at + offset;
            var day = Math.DivRem(local, 86400, out var second);
            if (second < 0)
            {
                day--;
                second += 86400;
            }
            LocalDay[i] = (int)day;
            LocalHour[i] = (byte)(second / 3600);
        }
    }

    private void FindFirstPlays()
    {
        Array.Fill(ArtistFirstPlay, long.MaxValue);
        Array.Fill(TrackFirstPlay, long.MaxValue);
        // Plays are in time order: the first one met is the first one played.
        for (var i = 0; i < Count; i++)
        {
            var track = Track[i];
            if (TrackFirstPlay[track] == long.MaxValue)
            {
                TrackFirstPlay[track] = EndedAt[i];
                var artist = ArtistOfTrack[track];
                if (ArtistFirstPlay[artist] == long.MaxValue)
                {
                    ArtistFirstPlay[artist] = EndedAt[i];
                }
            }
        }
    }

    private static long Scalar(SqliteConnection connection, string sql, long after = 0)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$after", after);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
