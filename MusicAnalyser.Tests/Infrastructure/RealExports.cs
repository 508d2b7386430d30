namespace MusicAnalyser.Tests.Infrastructure;

/// <summary>Real Spotify exports kept in <c>shared/real-exports/</c> (see its SOURCES.md); read them in place, never change them.</summary>
public static class RealExports
{
    public static string Folder => Path.Combine(SharedFolder.Path, "real-exports");

    /// <summary>The folder of one listener's export, e.g. <c>ext-mtas0-2023</c>.</summary>
    public static string PathOf(string name)
    {
        var path = Path.Combine(Folder, name);
        if (!Directory.Exists(path))
        {
            var known = Directory.Exists(Folder)
                ? string.Join(", ", Directory.GetDirectories(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal))
                : "none (the folder itself is missing)";
            throw new DirectoryNotFoundException($"No real export named '{name}' at {path}. Known: {known}.");
        }

        return path;
    }
}
