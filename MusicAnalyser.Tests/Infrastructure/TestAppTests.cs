using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MusicAnalyser.Tests.Infrastructure;

public sealed class TestAppTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_app_answers_over_real_http_on_the_loopback_address()
    {
        await using var app = new TestApp();

        using var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative), Cancel);

        Assert.Equal("127.0.0.1", app.BaseAddress.Host);
        Assert.NotEqual(0, app.BaseAddress.Port);
        Assert.Equal(app.BaseAddress, app.Client.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Static_files_are_served_outside_Development_too()
    {
        await using var app = new TestApp(environment: "Production");

        using var response = await app.Client.GetAsync(new Uri("css/site.css", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_app_reads_its_data_folder_and_the_extra_settings_from_configuration()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Spotify:ApiBaseUrl"] = "http://127.0.0.1:1/" }, "Staging");
        var configuration = app.Services.GetRequiredService<IConfiguration>();

        Assert.Equal(app.DataDirectory, configuration[TestApp.DataDirectoryKey]);
        Assert.Equal("http://127.0.0.1:1/", configuration["Spotify:ApiBaseUrl"]);
        Assert.True(Directory.Exists(app.DataDirectory));
    }

    [Fact]
    public async Task Each_app_has_its_own_port_and_data_folder_which_disposing_deletes()
    {
        var first = new TestApp();
        await using var second = new TestApp();
        var firstData = first.DataDirectory;
        await File.WriteAllTextAsync(Path.Combine(firstData, "left-behind.txt"), "x", Cancel);

        await first.DisposeAsync();

        Assert.NotEqual(firstData, second.DataDirectory);
        Assert.NotEqual(first.BaseAddress, second.BaseAddress);
        Assert.False(Directory.Exists(firstData));
    }
}
