namespace MusicAnalyser.Features.Listening;

public static class ListeningServices
{
    public static IServiceCollection AddListening(this IServiceCollection services)
    {
        services.AddOptions<ListeningOptions>().BindConfiguration(ListeningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OverviewStats>();
        services.AddSingleton<ListeningData>();
        services.AddSingleton<DashboardStats>();
        services.AddSingleton<PanelCache>();
        services.AddSingleton<MusicSearch>();
        services.AddSingleton<SpokenWordStats>();
        // Started by the web host only; the command line never starts hosted services.
        services.AddHostedService<ListeningWarmUp>();
        return services;
    }
}
