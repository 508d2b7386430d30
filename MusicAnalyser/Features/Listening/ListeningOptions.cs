using System.ComponentModel.DataAnnotations;

namespace MusicAnalyser.Features.Listening;

public sealed class ListeningOptions : IValidatableObject
{
    public const string Section = "MusicAnalyser";

    /// <summary>The listener's IANA time zone; every day and month boundary uses it. Empty: the machine's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>A play counts as a stream from this many seconds played (Spotify's own rule is 30).</summary>
    [Range(0, 3600)]
    public int StreamSeconds { get; set; } = 30;

    /// <summary>Plays less than this many minutes apart belong to one listening session.</summary>
    [Range(1, 1440)]
    public int SessionGapMinutes { get; set; } = 30;

    /// <summary>The zone itself (a method, not a property: validation reads every property, and this one throws for an unknown id).</summary>
    public TimeZoneInfo ResolveZone() => string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"MusicAnalyser:TimeZone \"{TimeZone}\" is not a known time zone (use an IANA id such as Europe/Berlin)", [nameof(TimeZone)]);
        }
    }
}
