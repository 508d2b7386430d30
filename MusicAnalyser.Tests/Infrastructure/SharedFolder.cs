namespace MusicAnalyser.Tests.Infrastructure;

/// <summary>
/// The project's <c>shared/</c> folder (generator, real exports), which is cloned beside the repository:
/// <c>X/main/MusicAnalyser.sln</c> and <c>X/shared</c>.
/// </summary>
public static class SharedFolder
{
    private static readonly Lazy<string> Location = new(Find);

    public static string Path => Location.Value;

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "MusicAnalyser.sln")))
            {
                var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder.FullName, "..", "shared"));
                return Directory.Exists(shared)
                    ? shared
                    : throw new DirectoryNotFoundException(
                        $"The shared folder is missing: expected {shared} beside the repository at {folder.FullName}.");
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder holding MusicAnalyser.sln above {AppContext.BaseDirectory}, so shared/ cannot be found.");
    }
}
