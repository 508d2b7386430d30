using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace MusicAnalyser.Features.Spotify;

public static class SpotifyServices
{
    public static IServiceCollection AddSpotify(this IServiceCollection services)
    {
        services.AddOptions<SpotifyOptions>().BindConfiguration(SpotifyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SpotifyRateLimit>();
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
                pipeline.AddTimeout(TimeSpan.FromSeconds(20));
            });
        return services;
    }
}
