using System.Globalization;
using System.Text.Json;
using MusicAnalyser.Tests.Infrastructure;

namespace MusicAnalyser.Tests.CommandLine;

public sealed class StatsCommandTests
{
    [Fact]
    public async Task Stats_json_gives_the_exports_music_plays_minutes_tracks_and_top_artists()
    {
        var export = await GeneratedExports.GetAsync("--plays", "6000", "--seed", "21");
        var expected = ExpectedListening.FromExtendedHistory(export);
        using var data = new TempFolder("cli-stats");
        Assert.Equal(0, (await CommandLineRun.RunAsync(["import", export, "--data", data.Path])).ExitCode);

        var run = await CommandLineRun.RunAsync(["stats", "--json", "--data", data.Path]);

        Assert.Equal(0, run.ExitCode);
        var stats = JsonDocument.Parse(run.LastLine).RootElement;
        Assert.Equal(expected.MusicPlays, stats.GetProperty("plays").GetInt64());
        Assert.Equal(expected.Minutes, stats.GetProperty("minutes").GetDouble(), 0.01);
        Assert.Equal(expected.Tracks, stats.GetProperty("tracks").GetInt64());
        Assert.Equal(expected.Artists, stats.GetProperty("artists").GetInt64());
        var top = stats.GetProperty("top_artists").EnumerateArray().ToList();
        Assert.True(top.Count >= 10);
        for (var i = 0; i < top.Count; i++)
        {
            Assert.Equal(expected.TopArtists[i].Name, top[i].GetProperty("name").GetString());
            Assert.Equal(expected.TopArtists[i].Minutes, top[i].GetProperty("minutes").GetDouble(), 0.01);
            Assert.Equal(expected.TopArtists[i].Plays, top[i].GetProperty("plays").GetInt64());
        }
    }

    [Fact]
    public async Task From_and_to_are_whole_days_in_the_listeners_time_zone()
    {
        // Berlin is UTC+1 in January: local 2024-01-10 runs from 09 23:00 UTC to 10 23:00 UTC.
        using var input = new TempFolder("cli-tz-input");
        File.WriteAllText(input.Combine("Streaming_History_Audio_2024.json"), $"[{Play("2024-01-09T22:59:59Z", "Before")},{Play("2024-01-09T23:00:00Z", "First")},{Play("2024-01-10T22:59:59Z", "Last")},{Play("2024-01-10T23:00:00Z", "After")}]");
        using var data = new TempFolder("cli-tz-data");
        var berlin = new Dictionary<string, string> { ["MusicAnalyser__TimeZone"] = "Europe/Berlin" };
        Assert.Equal(0, (await CommandLineRun.RunAsync(["import", input.Path, "--data", data.Path], berlin)).ExitCode);

        var day = JsonDocument.Parse((await CommandLineRun.RunAsync(["stats", "--json", "--from", "2024-01-10", "--to", "2024-01-10", "--data", data.Path], berlin)).LastLine).RootElement;
        var utcDay = JsonDocument.Parse((await CommandLineRun.RunAsync(["stats", "--json", "--from", "2024-01-10", "--to", "2024-01-10", "--data", data.Path],
            new Dictionary<string, string> { ["MusicAnalyser__TimeZone"] = "UTC" })).LastLine).RootElement;

        Assert.Equal(2, day.GetProperty("plays").GetInt64());
        Assert.Equal(["First", "Last"], day.GetProperty("top_artists").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["After", "Last"], utcDay.GetProperty("top_artists").EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Top_artists_tied_on_minutes_are_ordered_by_name_and_podcasts_never_count()
    {
        using var input = new TempFolder("cli-ties-input");
        var podcast = """{"ts":"2024-03-01T10:00:00Z","ms_played":9000000,"master_metadata_track_name":null,"master_metadata_album_artist_name":null,"spotify_track_uri":null,"episode_name":"Ep 1","episode_show_name":"A Show","spotify_episode_uri":"spotify:episode:0000000000000000000001"}""";
        File.WriteAllText(input.Combine("Streaming_History_Audio_2024.json"),
            $"[{Play("2024-03-01T08:00:00Z", "Zed", 60000)},{Play("2024-03-01T08:05:00Z", "Abba", 60000)},{Play("2024-03-01T08:10:00Z", "Mid", 60000)},{podcast}]");
        using var data = new TempFolder("cli-ties-data");
        Assert.Equal(0, (await CommandLineRun.RunAsync(["import", input.Path, "--data", data.Path])).ExitCode);

        var stats = JsonDocument.Parse((await CommandLineRun.RunAsync(["stats", "--json", "--data", data.Path])).LastLine).RootElement;

        Assert.Equal(3, stats.GetProperty("plays").GetInt64());
        Assert.Equal(3.0, stats.GetProperty("minutes").GetDouble());
        Assert.Equal(["Abba", "Mid", "Zed"], stats.GetProperty("top_artists").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_unknown_time_zone_setting_is_named_in_a_one_line_message_and_exits_2()
    {
        using var data = new TempFolder("cli-bad-zone");

        var run = await CommandLineRun.RunAsync(["stats", "--data", data.Path], new Dictionary<string, string> { ["MusicAnalyser__TimeZone"] = "Mars/Olympus" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\"Mars/Olympus\" is not a known time zone", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_on_an_empty_database_says_how_to_import()
    {
        using var data = new TempFolder("cli-empty");

        var run = await CommandLineRun.RunAsync(["stats", "--data", data.Path]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("import", run.StandardOutput, StringComparison.Ordinal);
    }

    private static string Play(string ts, string artist, int ms = 200000) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts}}","platform":"android","ms_played":{{ms}},"conn_country":"DE","master_metadata_track_name":"Song by {{artist}}","master_metadata_album_artist_name":"{{artist}}","master_metadata_album_album_name":"Album","spotify_track_uri":"spotify:track:{{artist.PadRight(22, 'x')[..22]}}","episode_name":null,"episode_show_name":null,"spotify_episode_uri":null,"reason_start":"clickrow","reason_end":"trackdone","shuffle":false,"skipped":null,"offline":false,"offline_timestamp":0,"incognito_mode":false}""");
}
