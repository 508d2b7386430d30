using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Features.Import;

/// <summary>An earlier import as the Import page lists it: when (the listener's time), from where, and its summary.</summary>
public sealed record PastImport(DateTimeOffset StartedAt, string StartedFrom, ImportSummary? Summary);

/// <summary>The imports done so far, newest first, for the Import page.</summary>
public sealed class ImportHistory(MusicDbContext db, IOptions<ListeningOptions> listening)
{
    public async Task<List<PastImport>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var zone = listening.Value.ResolveZone();
        var runs = await db.ImportRuns.AsNoTracking()
            .Where(r => r.FinishedAt != null)
            .OrderByDescending(r => r.Id)
            .Take(count)
            .Select(r => new { r.StartedAt, r.Origin, r.SummaryJson })
            .ToListAsync(cancellationToken);
        return runs.Select(r => new PastImport(
            TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(r.StartedAt, DateTimeKind.Utc)), zone),
            r.Origin == "cli" ? "command line" : "Import page",
            r.SummaryJson is null ? null : JsonSerializer.Deserialize(r.SummaryJson, ImportJsonContext.Default.ImportSummary))).ToList();
    }
}
