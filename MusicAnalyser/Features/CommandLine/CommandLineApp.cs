using Microsoft.Extensions.Options;
using MusicAnalyser.Data;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Features.CommandLine;

/// <summary>
/// <c>import</c> and <c>stats</c>: the same services as the web app, on a plain host (no web server), so a
/// command starts fast and its stdout carries only what it prints.
/// </summary>
public static class CommandLineApp
{
    public const int Ok = 0, SomeFilesRejected = 1, Usage = 2;

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "import" or "stats";

    public static int Run(string[] args)
    {
        var (command, positional, options, error) = Parse(args);
        if (error is not null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(UsageText);
            return Usage;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (options.TryGetValue("--data", out var data))
        {
            builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}"] = data;
        }
        // Only warnings, and on stderr: stdout is for the progress and the final JSON line.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(TimeProvider.System).AddData().AddImport().AddListening();
        builder.Services.AddTransient<ImportCommand>().AddTransient<StatsCommand>();
        using var host = builder.Build();
        try
        {
            // The checks the web app runs at start (ValidateOnStart), for a clear message before any work.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            host.Services.GetRequiredService<DatabaseMigrator>().Migrate();

            return command == "import"
                ? host.Services.GetRequiredService<ImportCommand>().Run(positional, Console.Out)
                : host.Services.GetRequiredService<StatsCommand>().Run(options, Console.Out);
        }
        catch (CommandLineUsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(UsageText);
            return Usage;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"Configuration: {string.Join("; ", e.Failures)}");
            return Usage;
        }
    }

    private const string UsageText = """
        usage:
          MusicAnalyser import PATH... [--data DIR]      import a Spotify export (zip, folder or JSON files)
          MusicAnalyser stats [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--data DIR]
        """;

    private static readonly Dictionary<string, string[]> Known = new()
    {
        ["import"] = ["--data"],
        ["stats"] = ["--data", "--from", "--to", "--json"],
    };

    private static (string Command, List<string> Positional, Dictionary<string, string> Options, string? Error) Parse(string[] args)
    {
        var command = args[0];
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }
            var (name, value) = arg.Split('=', 2) is [var n, var v] ? (n, (string?)v) : (arg, null);
            if (!Known[command].Contains(name))
            {
                return (command, positional, options, $"{command}: unknown option {name}");
            }
            if (name == "--json")
            {
                options[name] = "true";
                continue;
            }
            value ??= i + 1 < args.Length ? args[++i] : null;
            if (value is null)
            {
                return (command, positional, options, $"{command}: {name} needs a value");
            }
            options[name] = value;
        }
        if (command == "import" && positional.Count == 0)
        {
            return (command, positional, options, "import: give the export zip, folder or files to import");
        }
        if (command == "stats" && positional.Count > 0)
        {
            return (command, positional, options, $"stats: unexpected argument {positional[0]}");
        }
        return (command, positional, options, null);
    }
}

/// <summary>Wrong usage found after parsing (a bad date, say): exit code 2.</summary>
public sealed class CommandLineUsageException(string message) : Exception(message);
