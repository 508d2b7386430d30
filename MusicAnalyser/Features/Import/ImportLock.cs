namespace MusicAnalyser.Features.Import;

/// <summary>
/// One import at a time per database, across processes (the web app and the command line): each numbers the
/// new rows it writes from what it read at its start, so two at once would collide.
/// </summary>
internal sealed class ImportLock : IDisposable
{
    private readonly FileStream _file;

    private ImportLock(FileStream file) => _file = file;

    /// <exception cref="ImportBusyException">another import holds the lock.</exception>
    public static ImportLock Acquire(string databasePath)
    {
        var path = databasePath + ".import-lock";
        try
        {
            // FileShare.None is an exclusive lock on the file for as long as it stays open, in any process.
            return new ImportLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException)
        {
            throw new ImportBusyException($"Another import is running on this database ({databasePath}). Try again when it has finished.");
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>An import that cannot start now; the message is for the person.</summary>
public sealed class ImportBusyException(string message) : Exception(message);
