using System.Collections.Concurrent;
using System.Threading.Channels;

namespace MusicAnalyser.Features.Import;

public enum ImportJobState { Queued, Running, Finished, Failed }

/// <summary>An import started from the web: its files, live progress and, once done, its summary.</summary>
public sealed class ImportJob(string id, IReadOnlyList<string> paths, string folder)
{
    public string Id { get; } = id;
    public IReadOnlyList<string> Paths { get; } = paths;

    /// <summary>The upload folder; deleted once the import has read it.</summary>
    public string Folder { get; } = folder;
    public ImportProgress Progress { get; } = new();
    public ImportJobState State { get; internal set; } = ImportJobState.Queued;
    public ImportSummary? Summary { get; internal set; }
    public string? Error { get; internal set; }
    public bool IsDone => State is ImportJobState.Finished or ImportJobState.Failed;
}

/// <summary>Imports wait here for the background worker, one at a time (the database has one writer).</summary>
public sealed class ImportJobs
{
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);

    public ImportJob Enqueue(IReadOnlyList<string> paths, string folder)
    {
        var job = new ImportJob(Path.GetFileName(folder), paths, folder);
        _jobs[job.Id] = job;
        _queue.Writer.TryWrite(job);
        return job;
    }

    public ImportJob? Find(string? id) => id is not null && _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>An import still queued or running, if any: the Import page shows it to whoever opens it.</summary>
    public ImportJob? Unfinished() => _jobs.Values.FirstOrDefault(j => !j.IsDone);

    internal IAsyncEnumerable<ImportJob> Pending(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>Runs queued imports in the background, so a long import survives the browser tab closing.</summary>
public sealed class ImportWorker(ImportJobs jobs, ImportService importer, ImportUploads uploads, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        uploads.RemoveLeftovers();
        await foreach (var job in jobs.Pending(stoppingToken))
        {
            job.State = ImportJobState.Running;
            try
            {
                job.Summary = await Task.Run(() => importer.Import(job.Paths, "web", job.Progress, stoppingToken), stoppingToken);
                job.State = ImportJobState.Finished;
                logger.LogInformation("Import {Job}: {Added} plays added, {Rejected} files rejected", job.Id, job.Summary.Added, job.Summary.RejectedFiles.Count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                job.Error = $"The app stopped during the import. {ImportService.RerunAdvice}";
                job.State = ImportJobState.Failed;
            }
#pragma warning disable CA1031 // whatever went wrong is shown to the person on the Import page and logged
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Import {Job} failed", job.Id);
                job.Error = e is ImportBusyException ? e.Message : $"The import failed: {e.Message}. {ImportService.RerunAdvice}";
                job.State = ImportJobState.Failed;
            }
            finally
            {
                uploads.Remove(job.Folder);
                // A big import leaves a large, now idle heap behind; give it back to a small machine.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }
    }
}
