namespace MusicAnalyser.Features.Import;

public static class ImportServices
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImportService>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<ImportUploads>();
        services.AddScoped<ImportHistory>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
