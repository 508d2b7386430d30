using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MusicAnalyser.Tests.Fakes;

/// <summary>
/// A stand-in for an external HTTP API (Spotify, ReccoBeats, LRCLIB, Gemini) on 127.0.0.1 and a free port.
/// A test registers answers by method and path (the query is not part of the match), points the app's base URL
/// at <see cref="BaseAddress"/>, and afterwards asserts on <see cref="Requests"/>. Anything unregistered gets a 404
/// that names the request and the routes there are.
/// </summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, FakeResponse>> _routes = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];

    private FakeHttpServer()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(AnswerAsync);
    }

    /// <summary>Where the fake listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress =>
        new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/') + "/");

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeHttpServer> StartAsync()
    {
        var server = new FakeHttpServer();
        try
        {
            await server._app.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with <paramref name="respond"/>; a later registration replaces it.</summary>
    public void On(string method, string path, Func<RecordedRequest, FakeResponse> respond) =>
        _routes[RouteKey(method, path)] = respond;

    /// <summary>
    /// Answers with <paramref name="responses"/> in turn, then keeps giving the last one: e.g. a 429 with
    /// Retry-After, then the data.
    /// </summary>
    public void On(string method, string path, params FakeResponse[] responses)
    {
        ArgumentOutOfRangeException.ThrowIfZero(responses.Length);
        var answered = -1;
        On(method, path, _ => responses[Math.Min(Interlocked.Increment(ref answered), responses.Length - 1)]);
    }

    /// <summary>The requests received for <paramref name="method"/> <paramref name="path"/>, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        [.. Requests.Where(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && r.Path == path)];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string RouteKey(string method, string path) => $"{method.ToUpperInvariant()} {path}";

    private async Task AnswerAsync(HttpContext context)
    {
        var request = await RecordAsync(context.Request);
        lock (_requests)
        {
            _requests.Add(request);
        }

        var response = _routes.TryGetValue(RouteKey(request.Method, request.Path), out var respond)
            ? respond(request)
            : new FakeResponse(
                StatusCodes.Status404NotFound,
                $"FakeHttpServer has no route for {request.Method} {request.Path} (asked {request.PathAndQuery}). " +
                $"Routes: {(_routes.IsEmpty ? "none" : string.Join(", ", _routes.Keys.Order(StringComparer.Ordinal)))}.",
                "text/plain; charset=utf-8");

        if (response.Delay > TimeSpan.Zero)
        {
            // A client that gives up first closes the connection: the wait ends there too.
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, body);
    }
}
