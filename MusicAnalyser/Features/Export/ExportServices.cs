namespace MusicAnalyser.Features.Export;

public static class ExportServices
{
    public static IServiceCollection AddExport(this IServiceCollection services) => services.AddSingleton<PlayExporter>();
}
