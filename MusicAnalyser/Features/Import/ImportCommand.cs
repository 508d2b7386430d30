using System.Text.Json;
using MusicAnalyser.Features.CommandLine;

namespace MusicAnalyser.Features.Import;

/// <summary><c>import PATH...</c>: a progress bar on a terminal, a line per file when redirected, then the summary as one JSON line.</summary>
public sealed class ImportCommand(ImportService importer)
{
    public int Run(IReadOnlyList<string> paths, TextWriter output)
    {
        var progress = new ImportProgress();
        var terminal = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
        progress.FileFinished += (p, file, error) =>
        {
            if (terminal)
            {
                output.Write("\r\u001b[2K");
            }
            output.WriteLine(error is null ? $"[{p.FilesDone}/{p.FilesTotal}] {file}" : $"[{p.FilesDone}/{p.FilesTotal}] {file}: rejected: {error}");
        };

        ImportSummary summary;
        using (var bar = terminal ? new Timer(_ => Draw(progress, output), null, 200, 200) : null)
        {
            try
            {
                summary = importer.Import(paths, "cli", progress);
            }
            catch (ImportBusyException e)
            {
                Console.Error.WriteLine(e.Message);
                return CommandLineApp.SomeFilesRejected;
            }
            catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                // The database itself failed (a full disk, say): what was saved stays; say so and stop.
                Console.Error.WriteLine($"import failed: {e.Message}. {ImportService.RerunAdvice}");
                return CommandLineApp.SomeFilesRejected;
            }
        }
        if (terminal)
        {
            output.Write("\r\u001b[2K");
        }

        foreach (var (reason, count) in summary.Skipped)
        {
            output.WriteLine($"skipped {count:N0}: {reason}");
        }
        foreach (var rejection in summary.RejectedFiles)
        {
            output.WriteLine($"rejected {rejection.File}: {rejection.Error}");
        }
        output.WriteLine(JsonSerializer.Serialize(summary, new ImportJsonContext(CommandLineJson.Options).ImportSummary));
        return summary.RejectedFiles.Count > 0 ? CommandLineApp.SomeFilesRejected : CommandLineApp.Ok;
    }

    private static void Draw(ImportProgress progress, TextWriter output)
    {
        const int width = 30;
        var done = (int)(progress.Fraction * width);
        var name = Path.GetFileName(progress.CurrentFile ?? "");
        output.Write($"\r\u001b[2K[{new string('#', done)}{new string('.', width - done)}] {progress.Fraction,4:P0}  {progress.Entries:N0} entries  {name}");
        output.Flush();
    }
}
