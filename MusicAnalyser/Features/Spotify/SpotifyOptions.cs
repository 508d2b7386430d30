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

    /// <summary>The first pause before retrying a 5xx or a timeout; it doubles with each try. A 429 waits for its Retry-After instead.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PollInterval < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"{Section}:PollInterval must be at least one second, not {PollInterval}", [nameof(PollInterval)]);
        }
        if (RetryDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:RetryDelay cannot be negative", [nameof(RetryDelay)]);
        }
    }
}
