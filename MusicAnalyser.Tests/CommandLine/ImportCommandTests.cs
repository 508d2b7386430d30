using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MusicAnalyser.Tests.Infrastructure;

namespace MusicAnalyser.Tests.CommandLine;

public sealed class ImportCommandTests
{
    [Fact]
    public async Task Import_prints_plain_progress_lines_and_ends_with_the_summary_as_one_json_line()
    {
        var export = await GeneratedExports.GetAsync("--plays", "3000", "--zip", "--seed", "11");
        using var data = new TempFolder("cli-import");

        var run = await CommandLineRun.RunAsync(["import", Path.Combine(export, GeneratedExports.ZipFileName), "--data", data.Path]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\r', run.StandardOutput);
        Assert.DoesNotContain("\u001b[", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(run.Lines, l => l.Contains("Streaming_History_Audio_", StringComparison.Ordinal));
        using var summary = JsonDocument.Parse(run.LastLine);
        var root = summary.RootElement;
        foreach (var key in new[] { "files", "entries", "added", "duplicates", "skipped", "rejected_files", "seconds" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"the summary has no \"{key}\": {run.LastLine}");
        }
        Assert.True(root.GetProperty("added").GetInt64() > 2000);
        Assert.Equal(0, root.GetProperty("rejected_files").GetArrayLength());
        var skipped = root.GetProperty("skipped").EnumerateObject().Sum(p => p.Value.GetInt64());
        Assert.Equal(root.GetProperty("entries").GetInt64(), root.GetProperty("added").GetInt64() + root.GetProperty("duplicates").GetInt64() + skipped);
    }

    [Fact]
    public async Task Import_exits_1_naming_the_bad_file_and_still_imports_the_good_ones()
    {
        var export = await GeneratedExports.GetAsync("--plays", "2000", "--no-account-data", "--seed", "12");
        using var input = new TempFolder("cli-bad-input");
        var good = Directory.GetFiles(export, "Streaming_History_Audio_*.json", SearchOption.AllDirectories).Single();
        File.Copy(good, input.Combine(Path.GetFileName(good)));
        File.WriteAllText(input.Combine("Streaming_History_Audio_2099_1.json"), "[{\"ts\": \"2099-01-01T00:00:00Z\", \"ms_played\": 1000,");
        using var data = new TempFolder("cli-bad-data");

        var run = await CommandLineRun.RunAsync(["import", input.Path, "--data", data.Path]);

        Assert.Equal(1, run.ExitCode);
        using var summary = JsonDocument.Parse(run.LastLine);
        var rejected = Assert.Single(summary.RootElement.GetProperty("rejected_files").EnumerateArray());
        Assert.EndsWith("Streaming_History_Audio_2099_1.json", rejected.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Contains("truncated", rejected.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(summary.RootElement.GetProperty("added").GetInt64() > 1500);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "--bogus", "x.zip")]
    [InlineData("stats", "--from", "2024-13-45")]
    [InlineData("stats", "--from", "2024-02-01", "--to", "2024-01-01")]
    [InlineData("stats", "stray-argument")]
    public async Task Wrong_usage_exits_2_with_the_usage_on_stderr(params string[] arguments)
    {
        using var data = new TempFolder("cli-usage");

        var run = await CommandLineRun.RunAsync([.. arguments, "--data", data.Path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage:", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_killed_midway_leaves_no_half_file_and_running_it_again_completes_it()
    {
        var export = await GeneratedExports.GetAsync("--plays", "300000", "--zip", "--no-account-data", "--seed", "13");
        var zip = Path.Combine(export, GeneratedExports.ZipFileName);
        using var killed = new TempFolder("cli-killed");
        using var clean = new TempFolder("cli-clean");

        using (var process = Process.Start(CommandLineRun.StartInfo(["import", zip, "--data", killed.Path]))!)
        {
            // Kill it once a few files have been read, while later files are still being written.
            while (await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line && !line.StartsWith("[4/", StringComparison.Ordinal))
            {
            }
            process.Kill();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(killed.Path, "musicanalyser.db")}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Every file the database knows as imported has exactly its plays; no play belongs to a file it does not know.
            command.CommandText = """
                SELECT (SELECT COUNT(*) FROM ImportFiles f WHERE f.Added <> (SELECT COUNT(*) FROM Plays p WHERE p.ImportFileId = f.Id))
                     + (SELECT COUNT(*) FROM Plays p WHERE p.ImportFileId NOT IN (SELECT Id FROM ImportFiles))
                """;
            Assert.Equal(0L, command.ExecuteScalar());
        }
        SqliteConnection.ClearAllPools();

        var rerun = await CommandLineRun.RunAsync(["import", zip, "--data", killed.Path]);
        var reference = await CommandLineRun.RunAsync(["import", zip, "--data", clean.Path]);

        Assert.Equal(0, rerun.ExitCode);
        var statsAfterKill = await CommandLineRun.RunAsync(["stats", "--json", "--data", killed.Path]);
        var statsClean = await CommandLineRun.RunAsync(["stats", "--json", "--data", clean.Path]);
        Assert.Equal(statsClean.LastLine, statsAfterKill.LastLine);
        using var summary = JsonDocument.Parse(reference.LastLine);
        Assert.True(summary.RootElement.GetProperty("added").GetInt64() > 250_000);
    }
}
