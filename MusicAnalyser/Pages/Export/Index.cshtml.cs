using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MusicAnalyser.Features.Export;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages.Export;

/// <summary>/Export?from=&amp;to=&amp;format=csv|json: the period's plays as a download, streamed.</summary>
public sealed class IndexModel(PlayExporter exporter) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        var period = DashboardPeriods.Parse(from, to);
        var type = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase) ? ExportFileType.Json : ExportFileType.Csv;
        Response.ContentType = type == ExportFileType.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{PlayExporter.FileName(period, type)}\"";
        await exporter.WriteAsync(Response.Body, period, type, cancellationToken);
        return new EmptyResult();
    }
}
