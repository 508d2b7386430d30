using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MusicAnalyser.Data;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// Receives the Import page's upload: multipart sections are streamed straight to files in the data folder
/// (never held in memory, never named by the client's path), up to <see cref="ImportOptions.MaxUploadBytes"/>.
/// </summary>
public sealed class ImportUploads(IOptions<StorageOptions> storage, IOptions<ImportOptions> options, ILogger<ImportUploads> logger)
{
    // Room for the multipart boundaries and headers around the files themselves.
    private const long FramingAllowance = 1 << 20;

    private string Root => Path.Combine(storage.Value.DataDirectory, "uploads");

    /// <summary>Saves every file of the upload; returns the folder holding them and their paths.</summary>
    public async Task<(string Folder, List<string> Paths)> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        var tooLarge = $"The upload is larger than {limit / (1024 * 1024):N0} MB, the most the Import page accepts. Import it from the command line instead: MusicAnalyser import FILE";
        if (request.ContentLength > limit + FramingAllowance)
        {
            throw new UploadException(tooLarge);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + FramingAllowance;
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new UploadException("Choose your Spotify export (the zip, or its JSON files) to upload.");
        }

        var folder = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        long total = 0;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data")
                    || HeaderUtilities.RemoveQuotes(disposition.FileName.HasValue ? disposition.FileName : disposition.FileNameStar).Value is not { Length: > 0 } clientName)
                {
                    continue;
                }
                // Each file in a folder of its own: two uploads of the same name cannot collide.
                var path = Path.Combine(folder, files.Count.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), SafeName(clientName));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    var buffer = new byte[1 << 16];
                    int read;
                    while ((read = await section.Body.ReadAsync(buffer, cancellationToken)) > 0)
                    {
                        total += read;
                        if (total > limit)
                        {
                            throw new UploadException(tooLarge);
                        }
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                }
                files.Add(path);
            }
        }
        catch (Exception e) when (e is UploadException or IOException or InvalidDataException or BadHttpRequestException or OperationCanceledException)
        {
            Remove(folder);
            if (e is UploadException)
            {
                throw;
            }
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                throw new UploadException(tooLarge);
            }
            throw new UploadException($"The upload did not arrive complete ({e.Message}). Please try again.");
        }

        if (files.Count == 0)
        {
            Remove(folder);
            throw new UploadException("Choose your Spotify export (the zip, or its JSON files) to upload.");
        }
        return (folder, files);
    }

    public void Remove(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not remove the upload folder {Folder}", folder);
        }
    }

    /// <summary>Uploads of an import interrupted by a restart are not resumed: free their space.</summary>
    public void RemoveLeftovers()
    {
        if (Directory.Exists(Root))
        {
            foreach (var folder in Directory.EnumerateDirectories(Root))
            {
                Remove(folder);
            }
        }
    }

    /// <summary>The client's file name without any folder part, with no character a file system would read as a path.</summary>
    private static string SafeName(string clientName)
    {
        var name = Path.GetFileName(clientName.Replace('\\', '/'));
        foreach (var bad in Path.GetInvalidFileNameChars())
        {
            name = name.Replace(bad, '_');
        }
        name = name.Trim().TrimStart('.');
        return name.Length == 0 ? "upload" : name[..Math.Min(name.Length, 200)];
    }
}

/// <summary>An upload that cannot be taken; the message is for the person.</summary>
public sealed class UploadException(string message) : Exception(message);
