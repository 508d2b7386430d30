using Microsoft.AspNetCore.WebUtilities;

namespace MusicAnalyser.Tests.Fakes;

/// <summary>One request a <see cref="FakeHttpServer"/> received, whether or not a route answered it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string PathAndQuery => Path + QueryString;

    /// <summary>A query parameter's value (several joined by commas), or null.</summary>
    public string? Query(string name) =>
        QueryHelpers.ParseQuery(QueryString).TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>A field of an application/x-www-form-urlencoded body, or null.</summary>
    public string? Form(string name) =>
        QueryHelpers.ParseQuery(Body).TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>A header's value (several joined by commas), or null; names are case-insensitive.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
