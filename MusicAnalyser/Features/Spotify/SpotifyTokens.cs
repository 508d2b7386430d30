using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Spotify;

/// <summary>
/// The tokens Spotify gave and whose they are; <see cref="NeedsReconnect"/> once it refused the refresh token
/// (revoked, or six months old).
/// </summary>
public sealed record SpotifyTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, string Scope, bool NeedsReconnect = false, SpotifyProfile? Profile = null)
{
    /// <summary>When the person connected: Spotify refuses a development-mode app's connection about six months later.</summary>
    public DateTimeOffset? ConnectedAt { get; init; }
}

/// <summary>
/// Keeps the tokens in the data folder, encrypted with ASP.NET Core Data Protection (its keys live in the
/// data folder too, so a container keeps them across restarts). Nothing else of Spotify's is secret. Every
/// page asks whether Spotify is connected: the decrypted tokens are kept until the file changes.
/// </summary>
public sealed class SpotifyTokenStore(IDataProtectionProvider protection, IOptions<StorageOptions> storage)
{
    private readonly IDataProtector _protector = protection.CreateProtector("MusicAnalyser.Spotify.Tokens");
    private readonly Lock _lock = new();
    private (DateTime WrittenAt, SpotifyTokens Tokens)? _read;

    private string FilePath => Path.Combine(storage.Value.DataDirectory, "spotify-tokens.bin");

    public SpotifyTokens? Read()
    {
        lock (_lock)
        {
            if (!File.Exists(FilePath))
            {
                return null;
            }
            var writtenAt = File.GetLastWriteTimeUtc(FilePath);
            if (_read is { } read && read.WrittenAt == writtenAt)
            {
                return read.Tokens;
            }
            var tokens = JsonSerializer.Deserialize(_protector.Unprotect(File.ReadAllBytes(FilePath)), TokensJsonContext.Default.SpotifyTokens)!;
            _read = (writtenAt, tokens);
            return tokens;
        }
    }

    public void Save(SpotifyTokens tokens)
    {
        lock (_lock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var temporary = FilePath + ".new";
            File.WriteAllBytes(temporary, _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(tokens, TokensJsonContext.Default.SpotifyTokens)));
            File.Move(temporary, FilePath, overwrite: true);
            _read = (File.GetLastWriteTimeUtc(FilePath), tokens);
        }
    }

    /// <summary>Changes the stored tokens, if any, reading them under the lock: two jobs' updates never undo each other.</summary>
    public void Update(Func<SpotifyTokens, SpotifyTokens> change)
    {
        lock (_lock)
        {
            if (Read() is { } tokens)
            {
                Save(change(tokens));
            }
        }
    }

    /// <summary>Disconnect: the tokens are gone; every play already stored stays.</summary>
    public void Delete()
    {
        lock (_lock)
        {
            File.Delete(FilePath);
            _read = null;
        }
    }
}

[JsonSerializable(typeof(SpotifyTokens))]
internal sealed partial class TokensJsonContext : JsonSerializerContext;
