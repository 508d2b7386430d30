using System.Runtime.InteropServices;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Import;

/// <summary>A play ready to insert: every reference already an id (0 = none), flags -1/0/1.</summary>
[StructLayout(LayoutKind.Auto)]
internal struct PlayRow
{
    public long EndedAt;
    public long OfflineTimestamp;
    public int TrackId, EpisodeId, ChapterId;
    public int MsPlayed, Seq;
    public int ReasonStartId, ReasonEndId, PlatformId, CountryId;
    public PlayKind Kind;
    public sbyte Shuffle, Skipped, Offline, Incognito;
}
