using System.Diagnostics;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// One writer of new catalogue rows at a time per database, across processes (the web app and the command
/// line): an import numbers the artists, tracks and albums it adds from what it read at its start, so another
/// import, or live capture and the metadata backfill adding rows meanwhile, would collide with it. An import
/// holds the lock throughout; the Spotify writers hold it for each short write and skip their turn while an
/// import runs.
/// </summary>
public sealed class ImportLock : IDisposable
{
    // A Spotify write holds the lock for milliseconds: an import starting then waits rather than failing.
    private static readonly TimeSpan PatienceForShortWrites = TimeSpan.FromSeconds(3);

    private readonly FileStream _file;

    private ImportLock(FileStream file) => _file = file;

    /// <exception cref="ImportBusyException">another import holds the lock.</exception>
    public static ImportLock Acquire(string databasePath) =>
        TryAcquire(databasePath, PatienceForShortWrites)
        ?? throw new ImportBusyException($"Another import is running on this database ({databasePath}). Try again when it has finished.");

    /// <summary>
    /// For the Spotify writers: the lock, waiting up to a second for the other one's short write (the poll and the
    /// backfill run side by side); null when it stays taken, which means an import is running.
    /// </summary>
    public static ImportLock? TryAcquireForShortWrite(string databasePath) => TryAcquire(databasePath, TimeSpan.FromSeconds(1));

    private static ImportLock? TryAcquire(string databasePath, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (TryAcquire(databasePath) is { } acquired)
            {
                return acquired;
            }
            if (waited.Elapsed >= patience)
            {
                return null;
            }
            Thread.Sleep(20);
        }
    }

    /// <returns>null while someone else holds it.</returns>
    public static ImportLock? TryAcquire(string databasePath)
    {
        try
        {
            // FileShare.None is an exclusive lock on the file for as long as it stays open, in any process.
            return new ImportLock(new FileStream(databasePath + ".import-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>An import that cannot start now; the message is for the person.</summary>
public sealed class ImportBusyException(string message) : Exception(message);
