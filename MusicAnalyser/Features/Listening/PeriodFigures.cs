namespace MusicAnalyser.Features.Listening;

/// <summary>The overview panel's figures for one period.</summary>
public sealed record PeriodFigures(
    double Minutes,
    long Streams,
    long Plays,
    int Tracks,
    int Artists,
    int Albums,
    int NewArtists,
    double SkipRate,
    long? FirstPlayAt,
    long? LastPlayAt)
{
    /// <summary>One pass over the plays of [fromUtc, toUtc): music only, a stream is at least <paramref name="streamMs"/>.</summary>
    public static PeriodFigures Of(ListeningSnapshot data, long fromUtc, long toUtc, int streamMs)
    {
        var (start, end) = data.Range(fromUtc, toUtc);
        var tracks = new bool[data.ArtistOfTrack.Length];
        var artists = new bool[data.ArtistCount];
        var albums = new bool[data.AlbumCount];
        long ms = 0, streams = 0, skipped = 0;
        int trackCount = 0, artistCount = 0, albumCount = 0, newArtists = 0;
        for (var i = start; i < end; i++)
        {
            ms += data.MsPlayed[i];
            if (data.MsPlayed[i] >= streamMs)
            {
                streams++;
            }
            if (data.Skipped[i])
            {
                skipped++;
            }
            var track = data.Track[i];
            if (tracks[track])
            {
                continue;
            }
            tracks[track] = true;
            trackCount++;
            var artist = data.ArtistOfTrack[track];
            if (!artists[artist])
            {
                artists[artist] = true;
                artistCount++;
                var first = data.ArtistFirstPlay[artist];
                if (first >= fromUtc && first < toUtc)
                {
                    newArtists++;
                }
            }
            var album = data.AlbumOfTrack[track];
            if (album != 0 && !albums[album])
            {
                albums[album] = true;
                albumCount++;
            }
        }
        var plays = end - start;
        return new PeriodFigures(ms / 60000.0, streams, plays, trackCount, artistCount, albumCount, newArtists, plays == 0 ? 0 : (double)skipped / plays,
            plays == 0 ? null : data.EndedAt[start], plays == 0 ? null : data.EndedAt[end - 1]);
    }
}
