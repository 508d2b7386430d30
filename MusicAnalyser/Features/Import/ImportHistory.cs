using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Import;

public sealed record PastImport(DateTime StartedAt, string Origin, ImportSummary? Summary);

/// <summary>The imports done so far, newest first, for the Import page.</summary>
public sealed class ImportHistory(IServiceScopeFactory scopes)
{
    public async Task<List<PastImport>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MusicDbContext>();
        var runs = await db.ImportRuns.AsNoTracking()
            .Where(r => r.FinishedAt != null)
            .OrderByDescending(r => r.Id)
            .Take(count)
            .Select(r => new { r.StartedAt, r.Origin, r.SummaryJson })
            .ToListAsync(cancellationToken);
        return runs.Select(r => new PastImport(r.StartedAt, r.Origin,
            r.SummaryJson is null ? null : JsonSerializer.Deserialize(r.SummaryJson, ImportJsonContext.Default.ImportSummary))).ToList();
    }
}
