// The client libraries are committed, not restored at build, so libman.json and wwwroot/lib can drift apart unnoticed.
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MusicAnalyser.Tests.Assets;

public sealed partial class ClientLibrariesTests
{
    private const string LibFolder = "MusicAnalyser/wwwroot/lib";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    [Fact]
    public void Every_file_in_libman_json_is_committed_under_wwwroot_lib()
    {
        var root = FindRepoRoot();

        var missing = ListedFiles(ReadManifest(root))
            .Where(path => !File.Exists(Path.Combine(root, path)))
            .ToList();

        Assert.True(
            missing.Count == 0,
            $"libman.json lists files that are not in the repository: {string.Join(", ", missing)}. "
            + "Copy them from the npm package of the version libman.json names.");
    }

    [Fact]
    public void Nothing_under_wwwroot_lib_is_left_out_of_libman_json()
    {
        var root = FindRepoRoot();
        var listed = ListedFiles(ReadManifest(root)).ToHashSet(StringComparer.Ordinal);

        var unlisted = Directory.EnumerateFiles(Path.Combine(root, LibFolder), "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !listed.Contains(path))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            unlisted.Count == 0,
            $"{LibFolder} holds files that libman.json does not list: {string.Join(", ", unlisted)}. "
            + "Add them to the library's \"files\" in libman.json, or delete them.");
    }

    [Fact]
    public void Htmx_script_is_the_version_named_in_libman_json()
    {
        var (version, path, fullPath) = LibraryFile("htmx.org", "dist/htmx.min.js");

        // htmx.min.js has no banner comment; the version lives in the htmx object literal as version:"x.y.z".
        var found = HtmxVersion().Matches(File.ReadAllText(fullPath))
            .Select(match => match.Groups["version"].Value)
            .ToList();

        Assert.True(
            found.Count == 1,
            $"Expected exactly one version:\"...\" in {path}, found {found.Count}. Is it still the minified htmx build?");
        Assert.True(
            found[0] == version,
            $"libman.json names htmx.org@{version} but {path} says version:\"{found[0]}\". "
            + "Copy dist/htmx.min.js from the npm package of the named version, or correct libman.json.");
    }

    [Fact]
    public void Chart_js_banner_names_the_version_in_libman_json()
    {
        var (version, path, fullPath) = LibraryFile("chart.js", "dist/chart.umd.min.js");

        var banner = ChartJsBanner().Match(ReadStart(fullPath, 200));

        Assert.True(
            banner.Success,
            $"{path} does not start with the \"/*! * Chart.js vX.Y.Z\" banner. Is it still the UMD build from the npm package?");
        Assert.True(
            banner.Groups["version"].Value == version,
            $"libman.json names chart.js@{version} but the banner of {path} says Chart.js v{banner.Groups["version"].Value}. "
            + "Copy dist/chart.umd.min.js from the npm package of the named version, or correct libman.json.");
    }

    [GeneratedRegex("version:\"(?<version>[^\"]+)\"")]
    private static partial Regex HtmxVersion();

    [GeneratedRegex(@"\A/\*!\r?\n \* Chart\.js v(?<version>\S+)\r?\n")]
    private static partial Regex ChartJsBanner();

    private static (string Version, string Path, string FullPath) LibraryFile(string name, string file)
    {
        var root = FindRepoRoot();
        var library = ReadManifest(root).Libraries.SingleOrDefault(l => NameOf(l) == name);
        Assert.True(library is not null, $"libman.json has no entry for {name}.");
        Assert.True(
            library.Files.Contains(file),
            $"libman.json's {name} entry does not list {file}.");

        var path = PathOf(library, file);
        return (VersionOf(library), path, Path.Combine(root, path));
    }

    private static IEnumerable<string> ListedFiles(Manifest manifest) =>
        manifest.Libraries.SelectMany(library => library.Files.Select(file => PathOf(library, file)));

    // Repository-relative with '/', as the manifest writes destinations.
    private static string PathOf(LibraryEntry library, string file) => library.Destination.TrimEnd('/') + "/" + file;

    // "name@version"; a scoped package name starts with '@' too, so split on the last one.
    private static string NameOf(LibraryEntry library) => library.Library[..library.Library.LastIndexOf('@')];

    private static string VersionOf(LibraryEntry library) => library.Library[(library.Library.LastIndexOf('@') + 1)..];

    private static string ReadStart(string path, int length)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[length];
        var read = reader.ReadBlock(buffer, 0, length);
        return new string(buffer, 0, read);
    }

    private static Manifest ReadManifest(string root)
    {
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(root, "libman.json")), JsonOptions);
        Assert.True(manifest?.Libraries is not null, "libman.json has no \"libraries\" array.");
        return manifest;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MusicAnalyser.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains MusicAnalyser.sln.");
    }

    private sealed record Manifest(string Version, string DefaultProvider, IReadOnlyList<LibraryEntry> Libraries);

    private sealed record LibraryEntry(string Library, string Destination, IReadOnlyList<string> Files);
}
