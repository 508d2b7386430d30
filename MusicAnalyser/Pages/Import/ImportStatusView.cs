using MusicAnalyser.Features.Import;

namespace MusicAnalyser.Pages.Import;

/// <summary>An import's state for the status fragment, or an upload problem to show instead.</summary>
public sealed record ImportStatusView(ImportJob? Job, string? UploadError)
{
    public bool Polling => Job is { IsDone: false };

    public string ProgressText => Job is null ? "" : Job.State switch
    {
        ImportJobState.Queued => "Waiting for the import before it to finish…",
        _ => $"Reading {Job.Progress.FilesDone} of {Job.Progress.FilesTotal} files · {Job.Progress.Entries:N0} entries so far",
    };

    public int Percent => Job is null ? 0 : (int)(Job.Progress.Fraction * 100);

    /// <summary>The summary as sentences a person reads, not as the JSON the command prints.</summary>
    public IEnumerable<string> Sentences()
    {
        if (Job?.Summary is not { } s)
        {
            yield break;
        }
        yield return $"Read {s.Entries:N0} entries from {s.Files:N0} streaming-history file{(s.Files == 1 ? "" : "s")} in {s.Seconds:0.#} s.";
        yield return s.Added == 0 && s.Duplicates > 0
            ? $"Nothing new: all {s.Duplicates:N0} plays were already imported."
            : $"Added {s.Added:N0} new plays{(s.Duplicates > 0 ? $"; {s.Duplicates:N0} were already there" : "")}.";
        if (s.Replaced > 0)
        {
            yield return $"{s.Replaced:N0} plays known only from account data or live capture were replaced by their fuller extended-history record.";
        }
    }
}
