namespace MusicAnalyser.Tests.Infrastructure;

public sealed class GeneratedExportsTests
{
    [Fact]
    public async Task The_same_options_share_one_generated_export()
    {
        var first = await GeneratedExports.GetAsync("--plays", "300", "--zip");
        var second = await GeneratedExports.GetAsync("--plays", "300", "--zip");

        Assert.Equal(first, second);
        Assert.True(File.Exists(Path.Combine(first, GeneratedExports.ZipFileName)));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(first, "Spotify Extended Streaming History"), "*.json"));
    }

    [Fact]
    public async Task Bad_options_fail_with_the_generator_s_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GeneratedExports.GetAsync("--no-such-option"));

        Assert.Contains("--no-such-option", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_export_is_found_by_name_and_a_missing_one_fails_clearly()
    {
        Assert.True(Directory.Exists(Path.Combine(RealExports.PathOf("ext-mtas0-2023"), "Spotify Extended Streaming History")));

        var error = Assert.Throws<DirectoryNotFoundException>(() => RealExports.PathOf("no-such-listener"));
        Assert.Contains("ext-mtas0-2023", error.Message, StringComparison.Ordinal);
    }
}
