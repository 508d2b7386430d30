namespace MusicAnalyser.Features.Import;

/// <summary>One file of an import as it goes through reader and writer, and what became of its entries.</summary>
internal sealed class ImportFileWork(string name, ExportFormat format)
{
    public string Name { get; } = name;
    public ExportFormat Format { get; } = format;

    // Filled by the reader.
    public long Entries { get; set; }
    public Dictionary<string, long> Skipped { get; } = new(StringComparer.Ordinal);
    public long FirstPlayAt { get; set; } = long.MaxValue;
    public long LastPlayAt { get; set; } = long.MinValue;

    // Filled by the writer.
    public long Added { get; set; }
    public long Duplicates { get; set; }
    public long Replaced { get; set; }
    public long DuplicatesOfExtended { get; set; }
    public string? Error { get; set; }

    /// <summary>Completed by the writer once it has rolled a rejected file back.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Skip(string reason, long count = 1)
    {
        if (count > 0)
        {
            Skipped[reason] = Skipped.GetValueOrDefault(reason) + count;
        }
    }

    public void SawPlayAt(long endedAt)
    {
        if (endedAt < FirstPlayAt) FirstPlayAt = endedAt;
        if (endedAt > LastPlayAt) LastPlayAt = endedAt;
    }
}
