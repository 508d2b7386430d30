using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages;

/// <summary>What the overview partial shows: the figures and the month chart's series.</summary>
public sealed record OverviewView(Overview Overview, ChartSeries MinutesPerMonth)
{
    public static OverviewView From(Overview overview) => new(overview, new ChartSeries(
        "Minutes",
        overview.MinutesPerMonth.Select(m => $"{m.Year:D4}-{m.Month:D2}").ToList(),
        overview.MinutesPerMonth.Select(m => m.Minutes).ToList()));

    /// <summary>Exports can credit a track to no artist; show that plainly rather than as a blank line.</summary>
    public string DisplayName(string name) => string.IsNullOrWhiteSpace(name) ? "(unknown artist)" : name;
}

/// <summary>One Chart.js series, serialised into the chart island's JSON.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<string> Labels, IReadOnlyList<double> Values);
