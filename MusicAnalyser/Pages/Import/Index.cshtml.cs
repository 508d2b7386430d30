using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Import;

namespace MusicAnalyser.Pages.Import;

[StreamedUpload]
public sealed class IndexModel(ImportJobs jobs, ImportUploads uploads, ImportHistory history) : PageModel
{
    public ImportStatusView? Status { get; private set; }
    public List<PastImport> Past { get; private set; } = [];

    public async Task OnGetAsync(string? job, CancellationToken cancellationToken)
    {
        Status = (jobs.Find(job) ?? jobs.Unfinished()) is { } found ? new ImportStatusView(found, null) : null;
        Past = await history.RecentAsync(10, cancellationToken);
    }

    /// <summary>Polled by htmx while an import runs; returns the status fragment.</summary>
    public IActionResult OnGetStatus(string? job) =>
        jobs.Find(job) is { } found ? Partial("_ImportStatus", new ImportStatusView(found, null)) : NotFound();

    // The upload is read as a stream here, never bound as a form: it can be gigabytes.
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        ImportStatusView status;
        try
        {
            var (folder, paths) = await uploads.ReceiveAsync(Request, cancellationToken);
            var job = jobs.Enqueue(paths, folder);
            status = new ImportStatusView(job, null);
            Response.Htmx(h => h.PushUrl(Url.Page("/Import/Index", new { job = job.Id })!));
        }
        catch (UploadException e)
        {
            status = new ImportStatusView(null, e.Message);
        }
        return Request.IsHtmx() ? Partial("_ImportStatus", status) : RedirectToPage(new { job = status.Job?.Id });
    }
}
