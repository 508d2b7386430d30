namespace MusicAnalyser.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp directory, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    private const int DeleteAttempts = 10;

    public TempFolder(string purpose = "test") =>
        Path = Directory.CreateTempSubdirectory($"musicanalyser-{purpose}-").FullName;

    public string Path { get; }

    /// <summary>The full path of <paramref name="relativePath"/> inside this folder.</summary>
    public string Combine(params string[] relativePath) => System.IO.Path.Combine([Path, .. relativePath]);

    public void Dispose()
    {
        // SQLite, the app's background work or a just-closed browser may still hold a file for a moment.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }

                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && attempt < DeleteAttempts)
            {
                Thread.Sleep(50 * attempt);
            }
        }
    }
}
