using Microsoft.Playwright;

namespace MusicAnalyser.Tests.Infrastructure;

/// <summary>A page in a browser context of its own; disposing closes the context and everything in it.</summary>
public sealed class BrowserTab(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
