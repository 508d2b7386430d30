using System.ComponentModel.DataAnnotations;

namespace MusicAnalyser.Data;

/// <summary>Where the database lives: <c>MusicAnalyser:DataDirectory</c>, or <c>--data DIR</c> on the command line.</summary>
public sealed class StorageOptions
{
    public const string Section = "MusicAnalyser";

    [Required]
    public string DataDirectory { get; set; } = "data";

    public string DatabaseFileName { get; set; } = "musicanalyser.db";

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, DatabaseFileName));
}
