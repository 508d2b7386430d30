using System.Text.Json.Serialization;

namespace MusicAnalyser.Features.Import;

public sealed record ImportRejection(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("error")] string Error);

/// <summary>What an import did, entry by entry: every entry is added, a duplicate, or skipped for a named reason.</summary>
public sealed record ImportSummary
{
    [JsonPropertyName("files")] public int Files { get; init; }
    [JsonPropertyName("entries")] public long Entries { get; init; }
    [JsonPropertyName("added")] public long Added { get; init; }
    [JsonPropertyName("duplicates")] public long Duplicates { get; init; }
    [JsonPropertyName("skipped")] public IReadOnlyDictionary<string, long> Skipped { get; init; } = new Dictionary<string, long>();
    [JsonPropertyName("rejected_files")] public IReadOnlyList<ImportRejection> RejectedFiles { get; init; } = [];
    [JsonPropertyName("seconds")] public double Seconds { get; init; }

    /// <summary>Plays already stored from account data or live capture that this import's extended history superseded.</summary>
    [JsonPropertyName("replaced")] public long Replaced { get; init; }

    /// <summary>Files in the export that are not streaming history (playlists, PDFs ...), listed, not errors.</summary>
    [JsonPropertyName("ignored_files")] public IReadOnlyList<string> IgnoredFiles { get; init; } = [];

    [JsonIgnore] public long SkippedTotal => Skipped.Values.Sum();
}

[JsonSerializable(typeof(ImportSummary))]
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class ImportJsonContext : JsonSerializerContext;
