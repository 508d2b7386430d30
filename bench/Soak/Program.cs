// The soak benchmark's driver: N cycles of the app's own Spotify poll (token, typed client with its resilience
// pipeline, JSON, one SQLite transaction, cursor file) against bench/fake-spotify.py, each bringing 50 new plays.
// Prints the time per cycle and the process's RSS as the cycles go on.
//   usage: Soak CYCLES FAKE_URL DATA_DIR
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MusicAnalyser.Data;
using MusicAnalyser.Features.Import;
using MusicAnalyser.Features.Listening;
using MusicAnalyser.Features.Spotify;

var cycles = int.Parse(args[0], CultureInfo.InvariantCulture);
var fake = args[1];
var data = args[2];

var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton(TimeProvider.System);
services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["MusicAnalyser:DataDirectory"] = data,
    ["MusicAnalyser:TimeZone"] = "UTC",
    ["MusicAnalyser:Spotify:ClientId"] = "soak",
    ["MusicAnalyser:Spotify:ApiBaseUrl"] = fake,
    ["MusicAnalyser:Spotify:AccountsBaseUrl"] = fake,
}).Build());
services.AddData().AddImport().AddListening().AddSpotify();
await using var provider = services.BuildServiceProvider();
provider.GetRequiredService<DatabaseMigrator>().Migrate();
provider.GetRequiredService<SpotifyTokenStore>().Save(new SpotifyTokens("soak-access", "soak-refresh", DateTimeOffset.UtcNow.AddDays(1), SpotifyAuthorization.Scopes));
var status = provider.GetRequiredService<SpotifyPollStatus>();

static double RssMb() =>
    File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is var kb ? double.Parse(kb, CultureInfo.InvariantCulture) / 1024 : 0;

var times = new double[cycles];
var clock = new Stopwatch();
double? warmRss = null;
var peakRss = 0.0;
for (var i = 0; i < cycles; i++)
{
    clock.Restart();
    // A poller per cycle, as Quartz builds the job (and its poller) for every run.
    await provider.GetRequiredService<SpotifyPoller>().PollOnceAsync(CancellationToken.None);
    times[i] = clock.Elapsed.TotalMilliseconds;
    if (status.LastError is not null || status.LastAdded != 50)
    {
        Console.Error.WriteLine($"cycle {i + 1}: {status.LastAdded} plays added, error: {status.LastError ?? "none"}");
        return 1;
    }
    if ((i + 1) % 500 == 0 || i + 1 == cycles)
    {
        var rss = RssMb();
        peakRss = Math.Max(peakRss, rss);
        // The first 500 cycles warm up: the catalogue fills (5,000 tracks) and the JIT and pools settle.
        warmRss ??= rss;
        Console.Error.WriteLine($"cycle {i + 1,6}: RSS {rss,6:F1} MB, last 500 cycles p50 {Percentile(times[Math.Max(0, i - 499)..(i + 1)], 0.5),6:F1} ms");
    }
}

static double Percentile(double[] values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}

using var connection = provider.GetRequiredService<SqliteDatabase>().Open();
using var count = connection.CreateCommand();
count.CommandText = "SELECT COUNT(*) FROM Plays";
var plays = (long)count.ExecuteScalar()!;
var endRss = RssMb();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{cycles:N0} cycles of 50 new plays, {plays:N0} plays stored, database {new FileInfo(Path.Combine(data, "musicanalyser.db")).Length / 1e6:F1} MB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"time per cycle: p50 {Percentile(times, 0.5):F1} ms, p95 {Percentile(times, 0.95):F1} ms, p99 {Percentile(times, 0.99):F1} ms, max {times.Max():F1} ms; first 100 cycles (new tracks) p50 {Percentile(times[..Math.Min(100, cycles)], 0.5):F1} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RSS: {warmRss:F1} MB after 500 cycles, {endRss:F1} MB at the end, growth {endRss - warmRss:+0.0;-0.0} MB, peak sampled {Math.Max(peakRss, endRss):F1} MB"));
return plays == cycles * 50L ? 0 : 1;
