using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Pages.Artist;

public sealed class IndexModel(DashboardStats stats) : ItemPageModel(stats, TopKind.Artists);
