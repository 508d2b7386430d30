using System.IO.Compression;

namespace MusicAnalyser.Features.Import;

/// <summary>One streaming-history file found in what the person gave: a zip entry or a file on disk.</summary>
internal sealed record ExportSourceFile(string Name, ExportFormat Format, long Length, Func<Stream> Open);

/// <summary>
/// Finds the streaming-history files in the paths given (Spotify's zip as mailed, an unzipped folder, or
/// single files), recognised by name and, for renamed JSON, by shape. Zip entries are streamed, never
/// extracted by their own path; a zip that would expand past the configured bound is refused.
/// </summary>
internal sealed class ExportInputs : IDisposable
{
    private readonly List<IDisposable> _open = [];
    private readonly long _maxUncompressedBytes;

    public List<ExportSourceFile> Files { get; } = [];
    public List<string> Ignored { get; } = [];
    public List<ImportRejection> Rejected { get; } = [];

    private ExportInputs(long maxUncompressedBytes) => _maxUncompressedBytes = maxUncompressedBytes;

    public static ExportInputs Find(IEnumerable<string> paths, long maxUncompressedBytes)
    {
        var inputs = new ExportInputs(maxUncompressedBytes);
        foreach (var path in paths)
        {
            inputs.Add(path);
        }
        // Extended history first: account data that repeats it is then recognised as it arrives.
        inputs.Files.Sort((a, b) => a.Format.IsExtended() != b.Format.IsExtended()
            ? (a.Format.IsExtended() ? -1 : 1)
            : NaturalOrder(a.Name, b.Name));
        return inputs;
    }

    private void Add(string path)
    {
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                AddFile(file, Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(path).TrimEnd('/'))!, file));
            }
        }
        else if (File.Exists(path))
        {
            AddFile(path, Path.GetFileName(path));
        }
        else
        {
            Rejected.Add(new ImportRejection(path, "no such file or folder"));
        }
    }

    private void AddFile(string path, string name)
    {
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            AddZip(path, name);
            return;
        }
        var length = new FileInfo(path).Length;
        var format = Recognise(name, () => File.OpenRead(path));
        if (format is null)
        {
            Ignored.Add(name);
            return;
        }
        Files.Add(new ExportSourceFile(name, format.Value, length, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan)));
    }

    private void AddZip(string path, string name)
    {
        ZipArchive archive;
        var file = File.OpenRead(path);
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            file.Dispose();
            Rejected.Add(new ImportRejection(name, $"not a complete zip archive (was the download cut short?): {e.Message}"));
            return;
        }
        _open.Add(archive);

        var found = new List<ExportSourceFile>();
        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }
            var entryName = $"{name}/{entry.FullName}";
            var format = Recognise(entry.FullName, entry.Open);
            if (format is null)
            {
                Ignored.Add(entryName);
                continue;
            }
            declared += entry.Length;
            var zipEntry = entry;
            found.Add(new ExportSourceFile(entryName, format.Value, entry.Length, () => new BoundedStream(zipEntry.Open(), zipEntry.Length, entryName)));
        }
        if (declared > _maxUncompressedBytes)
        {
            Rejected.Add(new ImportRejection(name,
                $"its streaming history would expand to {declared / (1024 * 1024):N0} MB, past the {_maxUncompressedBytes / (1024 * 1024):N0} MB limit; refused"));
            return;
        }
        Files.AddRange(found);
    }

    /// <summary>Names with their numbers in numeric order: _2 before _10, as Spotify numbers its files.</summary>
    private static int NaturalOrder(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var startA = i;
                var startB = j;
                while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
                var numberA = a.AsSpan(startA, i - startA).TrimStart('0');
                var numberB = b.AsSpan(startB, j - startB).TrimStart('0');
                var byNumber = numberA.Length != numberB.Length ? numberA.Length.CompareTo(numberB.Length) : numberA.SequenceCompareTo(numberB);
                if (byNumber != 0)
                {
                    return byNumber;
                }
                continue;
            }
            if (a[i] != b[j])
            {
                return a[i].CompareTo(b[j]);
            }
            i++;
            j++;
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }

    /// <summary>By name, else (for JSON) by the keys of the first entry; null for anything that is not streaming history.</summary>
    private static ExportFormat? Recognise(string name, Func<Stream> open)
    {
        if (ExportFormats.FromFileName(name) is { } byName)
        {
            return byName;
        }
        if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            using var stream = open();
            var head = new byte[4096];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return ExportFormats.FromShape(head.AsSpan(0, read));
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        foreach (var item in _open)
        {
            item.Dispose();
        }
    }

    /// <summary>
    /// Reads a zip entry and stops it at the size its header declares: an entry that inflates past that is
    /// hostile or corrupt, and must not fill the disk or memory.
    /// </summary>
    private sealed class BoundedStream(Stream inner, long limit, string name) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            if (_read > limit)
            {
                throw new InvalidDataException($"{name} expands past the {limit:N0} bytes its zip header declares; refused");
            }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => limit;
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
