using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;
using Polly;
using Quartz;

namespace MusicAnalyser.Features.Spotify;

public static class SpotifyServices
{
    public static IServiceCollection AddSpotify(this IServiceCollection services)
    {
        services.AddOptions<SpotifyOptions>().BindConfiguration(SpotifyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SpotifyRateLimit>();
        services.AddSingleton<SpotifyTokenStore>();
        services.AddSingleton<SpotifyApp>();
        services.AddSingleton<SpotifyRedirect>();
        services.AddSingleton<SpotifyConnection>();
        services.AddSingleton<SpotifyPlayRecorder>();
        services.AddSingleton<SpotifyPollStatus>();
        services.AddTransient<SpotifyAccount>();
        services.AddTransient<SpotifyPoller>();
        services.AddSingleton<SpotifyMetadataStatus>();
        services.AddTransient<SpotifyMetadataBackfill>();
        services.AddSingleton<SpotifyStatus>();
        // Token encryption keys beside the database: a container keeps them in its data volume across restarts.
        services.AddDataProtection().SetApplicationName("MusicAnalyser");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>>((keys, storage) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(storage.Value.DataDirectory, "keys")), NullLoggerFactory.Instance));
        // One instance: it holds the sign-ins in progress (state and PKCE verifier) between Connect and the callback.
        services.AddSingleton<SpotifyAuthorization>();
        services.AddHttpClient(SpotifyAuthorization.AccountsClient)
            .AddResilienceHandler(SpotifyAuthorization.AccountsClient, pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                ShouldRetryAfterHeader = true,
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(200),
            }));
        services.AddHttpClient<SpotifyApiClient>((provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<IOptions<SpotifyOptions>>().Value.ApiBaseUrl;
                // The resilience pipeline below owns every timeout and wait.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler("spotify", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SpotifyOptions>>().Value;
                var rateLimit = context.ServiceProvider.GetRequiredService<SpotifyRateLimit>();
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 4,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = false,
                    Delay = options.RetryDelay,
                    // A 429 waits exactly the Retry-After Spotify sends, then asks again.
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                    {
                        { Result.StatusCode: HttpStatusCode.TooManyRequests } => true,
                        { Result.StatusCode: >= HttpStatusCode.InternalServerError } => true,
                        { Exception: HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException } => true,
                        _ => false,
                    }),
                    OnRetry = args =>
                    {
                        if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
                        {
                            rateLimit.Waiting(args.RetryDelay);
                        }
                        return ValueTask.CompletedTask;
                    },
                });
                pipeline.AddTimeout(options.RequestTimeout);
            });
        return services;
    }

    /// <summary>The background poll (web app only: the command line schedules nothing).</summary>
    public static IServiceCollection AddSpotifyPolling(this IServiceCollection services, IConfiguration configuration)
    {
        var spotify = configuration.GetSection(SpotifyOptions.Section).Get<SpotifyOptions>() ?? new SpotifyOptions();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<SpotifyPollJob>(job => job.WithIdentity(SpotifyPollJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(SpotifyPollJob.Key).StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(spotify.PollInterval).RepeatForever()));
            quartz.AddJob<SpotifyMetadataJob>(job => job.WithIdentity(SpotifyMetadataJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(SpotifyMetadataJob.Key).StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(spotify.MetadataInterval).RepeatForever()));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
