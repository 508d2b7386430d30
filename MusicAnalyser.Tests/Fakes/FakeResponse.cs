using System.Text.Json;

namespace MusicAnalyser.Tests.Fakes;

/// <summary>What a <see cref="FakeHttpServer"/> route answers.</summary>
public sealed record FakeResponse(int Status, string Body = "", string? ContentType = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the fake waits before answering: a slow service.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A JSON body given as text, sent as is.</summary>
    public static FakeResponse Json(string json, int status = 200) => new(status, json, "application/json");

    /// <summary>A JSON body serialized from <paramref name="value"/> with its member names as written (e.g. <c>new { access_token = "t" }</c>).</summary>
    public static FakeResponse Json<T>(T value, int status = 200) => Json(JsonSerializer.Serialize(value), status);

    public static FakeResponse Empty(int status) => new(status);

    public FakeResponse After(TimeSpan delay) => this with { Delay = delay };

    public FakeResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };
}
