using System.ComponentModel.DataAnnotations;

namespace MusicAnalyser.Features.Spotify;

/// <summary>How to reach Spotify: the app's credentials and the service addresses (tests point these at a loopback fake).</summary>
public sealed class SpotifyOptions : IValidatableObject
{
    public const string Section = "MusicAnalyser:Spotify";

    public string? ClientId { get; set; }

    /// <summary>Optional: the authorization code flow uses PKCE, which needs no secret.</summary>
    public string? ClientSecret { get; set; }

    [Required]
    public Uri AccountsBaseUrl { get; set; } = new("https://accounts.spotify.com");

    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.spotify.com");

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the metadata backfill looks for tracks and artists still to fill in; each run works for at most this long.</summary>
    public TimeSpan MetadataInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The pause between two metadata calls, to stay well inside Spotify's rate limit.</summary>
    public TimeSpan MetadataPace { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Whether the Spotify app has extended quota access: only then are tracks and artists fetched 50 per call
    /// (<c>/v1/tracks?ids=</c>); apps in development mode must ask for them one at a time.
    /// </summary>
    public bool ExtendedApiAccess { get; set; }

    /// <summary>How long one try of a Web API call may take before it counts as failed and is tried again.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The first pause before retrying a 5xx or a timeout; it doubles with each try. A 429 waits for its Retry-After instead.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PollInterval < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"{Section}:PollInterval must be at least one second, not {PollInterval}", [nameof(PollInterval)]);
        }
        if (MetadataInterval < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"{Section}:MetadataInterval must be at least one second, not {MetadataInterval}", [nameof(MetadataInterval)]);
        }
        if (MetadataPace < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:MetadataPace cannot be negative", [nameof(MetadataPace)]);
        }
        if (RequestTimeout < TimeSpan.FromMilliseconds(10))
        {
            yield return new ValidationResult($"{Section}:RequestTimeout must be at least 10 ms, not {RequestTimeout}", [nameof(RequestTimeout)]);
        }
        if (RetryDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:RetryDelay cannot be negative", [nameof(RetryDelay)]);
        }
    }
}
