using System.Net;
using System.Text;

namespace MusicAnalyser.Tests.Fakes;

public sealed class FakeHttpServerTests : IAsyncLifetime
{
    private FakeHttpServer _fake = null!;
    private readonly HttpClient _client = new();

    public async ValueTask InitializeAsync() => _fake = await FakeHttpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void It_listens_on_the_loopback_address_with_a_port_of_its_own()
    {
        Assert.Equal("127.0.0.1", _fake.BaseAddress.Host);
        Assert.NotEqual(0, _fake.BaseAddress.Port);
        Assert.Equal("/", _fake.BaseAddress.AbsolutePath);
    }

    [Fact]
    public async Task A_registered_route_answers_with_its_status_and_body_and_the_request_is_recorded()
    {
        _fake.On("POST", "/api/token", FakeResponse.Json(new { access_token = "abc", expires_in = 3600 }, status: 201));

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_fake.BaseAddress, "api/token?state=s1"))
        {
            Content = new StringContent("grant_type=refresh_token&refresh_token=r1", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Authorization", "Basic Y2xpZW50OnNlY3JldA==");
        using var response = await _client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"access_token":"abc","expires_in":3600}""", await response.Content.ReadAsStringAsync(Cancel));

        var recorded = Assert.Single(_fake.Requests);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/api/token?state=s1", recorded.PathAndQuery);
        Assert.Equal("s1", recorded.Query("state"));
        Assert.Equal("Basic Y2xpZW50OnNlY3JldA==", recorded.Header("authorization"));
        Assert.Equal("refresh_token", recorded.Form("grant_type"));
        Assert.Equal("grant_type=refresh_token&refresh_token=r1", recorded.Body);
        Assert.Same(recorded, Assert.Single(_fake.RequestsTo("post", "/api/token")));
    }

    [Fact]
    public async Task A_429_with_Retry_After_comes_back_first_then_the_data()
    {
        _fake.On(
            "GET",
            "/v1/me/player/recently-played",
            FakeResponse.Empty(429).WithHeader("Retry-After", "2"),
            FakeResponse.Json("""{"items":[]}"""));
        var url = new Uri(_fake.BaseAddress, "v1/me/player/recently-played?limit=50");

        using var limited = await _client.GetAsync(url, Cancel);
        using var answered = await _client.GetAsync(url, Cancel);
        using var again = await _client.GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("""{"items":[]}""", await answered.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(3, _fake.RequestsTo("GET", "/v1/me/player/recently-played").Count);
    }

    [Fact]
    public async Task A_route_can_answer_from_the_request()
    {
        _fake.On("GET", "/api/get", request => FakeResponse.Json(new { trackName = request.Query("track_name") }));

        var body = await _client.GetStringAsync(new Uri(_fake.BaseAddress, "api/get?track_name=Hey%20Jude"), Cancel);

        Assert.Equal("""{"trackName":"Hey Jude"}""", body);
    }

    [Fact]
    public async Task An_unknown_route_answers_404_naming_the_request_and_is_still_recorded()
    {
        _fake.On("GET", "/v1/tracks", FakeResponse.Json("{}"));

        using var response = await _client.GetAsync(new Uri(_fake.BaseAddress, "v1/artists?ids=1"), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("no route for GET /v1/artists", body, StringComparison.Ordinal);
        Assert.Contains("GET /v1/tracks", body, StringComparison.Ordinal);
        Assert.Equal("/v1/artists?ids=1", Assert.Single(_fake.Requests).PathAndQuery);
    }
}
