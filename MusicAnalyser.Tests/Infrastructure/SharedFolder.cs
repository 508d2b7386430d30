using Xunit.Sdk;

namespace MusicAnalyser.Tests.Infrastructure;

/// <summary>
/// The project's <c>shared/</c> folder (generator, real exports), which is cloned beside the repository:
/// <c>X/main/MusicAnalyser.sln</c> and <c>X/shared</c>.
/// </summary>
public static class SharedFolder
{
    private static readonly Lazy<string?> Location = new(Find);

    /// <summary>
    /// The folder; a test that needs it is skipped, saying why, where the checkout has none beside it (a fork's
    /// GitHub run). The project's CI always has it, and <c>.ci/run</c> refuses to start without it.
    /// </summary>
    public static string Path => Location.Value ?? throw SkipException.ForSkip(
        "../shared (the export generator and the real exports) is not beside this checkout");

    private static string? Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "MusicAnalyser.sln")))
            {
                var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder holding MusicAnalyser.sln above {AppContext.BaseDirectory}, so shared/ cannot be found.");
    }
}
