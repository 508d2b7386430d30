using Microsoft.Net.Http.Headers;

namespace MusicAnalyser.Pages;

/// <summary>
/// Validators for fragments: the ETag names the data's version and the exact request, so a browser asking
/// again for an unchanged view gets 304 Not Modified without any statistic being computed.
/// </summary>
public static class ConditionalResponse
{
    /// <summary>Sets the ETag (and revalidation) on the response; true when the request already has that version.</summary>
    public static bool IsNotModified(HttpContext context, string dataVersion)
    {
        var request = context.Request;
        var tag = new EntityTagHeaderValue($"\"{dataVersion}-{Hash(request.Path + request.QueryString + request.Headers["HX-Request"])}\"", isWeak: true);
        var response = context.Response.GetTypedHeaders();
        response.ETag = tag;
        response.CacheControl = new CacheControlHeaderValue { NoCache = true, Private = true };
        context.Response.Headers.Vary = "HX-Request";
        return request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(tag, useStrongComparison: false));
    }

    private static string Hash(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
}
