using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages.Track;

public sealed class IndexModel(DashboardStats stats) : ItemPageModel(stats, TopKind.Tracks);
