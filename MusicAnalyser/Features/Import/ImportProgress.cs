namespace MusicAnalyser.Features.Import;

/// <summary>Live counters of a running import, read by the terminal progress bar and the Import page.</summary>
public sealed class ImportProgress
{
    private long _bytesRead, _entries;

    public int FilesTotal { get; internal set; }
    public int FilesDone { get; internal set; }
    public string? CurrentFile { get; internal set; }
    public long BytesTotal { get; internal set; }
    public long BytesRead => Interlocked.Read(ref _bytesRead);
    public long Entries => Interlocked.Read(ref _entries);

    public double Fraction => BytesTotal == 0 ? 0 : Math.Clamp((double)BytesRead / BytesTotal, 0, 1);

    /// <summary>Raised after each file, from the importing thread.</summary>
    public event Action<ImportProgress, string, string?>? FileFinished;

    internal void AddBytes(long bytes) => Interlocked.Add(ref _bytesRead, bytes);
    internal void AddEntries(long entries) => Interlocked.Add(ref _entries, entries);

    internal void Finished(string file, string? error)
    {
        FilesDone++;
        FileFinished?.Invoke(this, file, error);
    }
}
