namespace MusicAnalyser.Features.Listening;

public static class ListeningServices
{
    public static IServiceCollection AddListening(this IServiceCollection services)
    {
        services.AddOptions<ListeningOptions>().BindConfiguration(ListeningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OverviewStats>();
        return services;
    }
}
