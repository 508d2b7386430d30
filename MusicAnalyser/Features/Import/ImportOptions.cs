using System.ComponentModel.DataAnnotations;

namespace MusicAnalyser.Features.Import;

public sealed class ImportOptions
{
    public const string Section = "MusicAnalyser:Import";

    /// <summary>
    /// A zip whose entries expand past this many bytes is refused. A million plays of extended history is
    /// about 0.8 GB of JSON; the default leaves room for the heaviest real listener several times over.
    /// </summary>
    [Range(1L << 20, long.MaxValue)]
    public long MaxUncompressedBytes { get; set; } = 8L << 30;

    /// <summary>The largest upload the Import page accepts.</summary>
    [Range(1L << 20, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 2L << 30;
}
