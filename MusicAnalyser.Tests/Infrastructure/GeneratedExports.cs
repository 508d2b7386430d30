using System.Collections.Concurrent;
using System.Diagnostics;

namespace MusicAnalyser.Tests.Infrastructure;

/// <summary>
/// Synthetic Spotify exports written by <c>shared/tools/gen-spotify-export</c>. The generator is deterministic,
/// so each distinct set of options runs once per test run and later callers share its folder: treat it as
/// read-only and copy what a test needs to change.
/// </summary>
public static class GeneratedExports
{
    public const string ZipFileName = "my_spotify_data.zip";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Runs = new(StringComparer.Ordinal);
    private static readonly Lazy<TempFolder> Root = new(CreateRoot);

    /// <summary>
    /// The folder holding the export for these generator options (as on its command line, without OUT),
    /// e.g. <c>GetAsync("--plays", "500", "--zip")</c>.
    /// </summary>
    public static Task<string> GetAsync(params string[] options)
    {
        var key = string.Join('\0', options);
        return Runs.GetOrAdd(key, _ => new Lazy<Task<string>>(() => RunAsync(options))).Value;
    }

    private static async Task<string> RunAsync(string[] options)
    {
        var output = Path.Combine(Root.Value.Path, $"export-{Guid.NewGuid():N}");
        var script = Path.Combine(SharedFolder.Path, "tools", "gen-spotify-export");
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add(output);

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start python3 {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"gen-spotify-export {string.Join(' ', options)} ran longer than {Timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"gen-spotify-export {string.Join(' ', options)} exited with {process.ExitCode}:\n{await stderr}{await stdout}");
        }

        return output;
    }

    private static TempFolder CreateRoot()
    {
        var root = new TempFolder("exports");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => root.Dispose();
        return root;
    }
}
