using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Spotify;

/// <summary>The person's Spotify app: its Client ID and (optional) secret.</summary>
public sealed record SpotifyAppCredentials(string? ClientId, string? ClientSecret)
{
    public bool HasClientId => !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>
/// The Spotify app in use: what the Settings page stored (in the data folder, the secret encrypted), else what
/// configuration says (<c>MusicAnalyser:Spotify:ClientId</c>, <c>ClientSecret</c>).
/// </summary>
public sealed class SpotifyApp(IOptions<SpotifyOptions> options, IOptions<StorageOptions> storage, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("MusicAnalyser.Spotify.ClientSecret");

    private string FilePath => Path.Combine(storage.Value.DataDirectory, "spotify-app.json");

    public SpotifyAppCredentials Current()
    {
        if (File.Exists(FilePath) && JsonSerializer.Deserialize(File.ReadAllText(FilePath), AppJsonContext.Default.StoredApp) is { } stored)
        {
            return new SpotifyAppCredentials(stored.ClientId, stored.ProtectedSecret is { } secret ? _protector.Unprotect(secret) : null);
        }
        return new SpotifyAppCredentials(options.Value.ClientId, options.Value.ClientSecret);
    }

    public void Save(string clientId, string? clientSecret)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var stored = new StoredApp(clientId.Trim(), string.IsNullOrWhiteSpace(clientSecret) ? null : _protector.Protect(clientSecret.Trim()));
        File.WriteAllText(FilePath, JsonSerializer.Serialize(stored, AppJsonContext.Default.StoredApp));
    }

    internal sealed record StoredApp(string ClientId, string? ProtectedSecret);
}

[JsonSerializable(typeof(SpotifyApp.StoredApp))]
internal sealed partial class AppJsonContext : JsonSerializerContext;

/// <summary>Where Spotify sends the person back: registered in their Spotify app, shown on the Settings page.</summary>
public sealed class SpotifyRedirect(IConfiguration configuration)
{
    public const string CallbackPath = "/spotify/callback";

    /// <summary>
    /// <c>MusicAnalyser:PublicBaseUrl</c> behind a reverse proxy; otherwise this app's own address, with
    /// "localhost" spelled 127.0.0.1 (Spotify accepts loopback redirects only as an IP address).
    /// </summary>
    public Uri For(HttpRequest request)
    {
        if (configuration["MusicAnalyser:PublicBaseUrl"] is { Length: > 0 } publicBase)
        {
            return new Uri(new Uri(publicBase.TrimEnd('/') + "/"), CallbackPath.TrimStart('/'));
        }
        var host = request.Host.Host is "localhost" ? "127.0.0.1" : request.Host.Host;
        var port = request.Host.Port is { } p ? $":{p}" : "";
        return new Uri($"{request.Scheme}://{host}{port}{CallbackPath}");
    }
}
