using System.Diagnostics;

namespace MusicAnalyser.Tests.Infrastructure;

/// <summary>The app's command line (<c>import</c>, <c>stats</c>) run as a separate process, as a person runs it.</summary>
public sealed record CommandLineRun(int ExitCode, string StandardOutput, string StandardError)
{
    public static readonly string AppDll = Path.Combine(AppContext.BaseDirectory, "MusicAnalyser.dll");

    public string[] Lines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string LastLine => Lines.Length == 0 ? "" : Lines[^1];

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return start;
    }

    public static async Task<CommandLineRun> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(arguments, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CommandLineRun(process.ExitCode, await stdout, await stderr);
    }
}
