using System.Buffers;
using System.Text.Json;

namespace MusicAnalyser.Features.Import;

/// <summary>
/// Streams a JSON array of export entries through <see cref="Utf8JsonReader"/> over one pooled buffer:
/// no document is built and nothing is allocated per entry. An entry that straddles the end of the buffer
/// is re-read from its start once more data is in (entries are small, so that is rare and cheap).
/// </summary>
internal sealed class ExportJsonReader(ExportEntryFields fields)
{
    private const int InitialBufferSize = 256 * 1024;
    private const int MaxEntryBytes = 16 * 1024 * 1024;

    public delegate void EntryHandler(ParsedEntry entry);

    /// <summary>Reads every entry, calling <paramref name="onEntry"/> for each; returns the number of entries.</summary>
    /// <exception cref="ExportFileException">the file is not valid JSON or not of this shape; the message names the position.</exception>
    public long Read(Stream stream, ParsedEntry entry, EntryHandler onEntry, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            return ReadAll(stream, ref buffer, entry, onEntry, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private long ReadAll(Stream stream, ref byte[] buffer, ParsedEntry entry, EntryHandler onEntry, CancellationToken cancellationToken)
    {
        var state = new JsonReaderState();
        int start = 0, filled = 0;
        long discarded = 0, entries = 0;
        var final = false;
        var phase = Phase.BeforeArray;

        filled = Fill(stream, buffer, 0, ref final);
        if (filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            start = 3; // UTF-8 byte order mark
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            entry.Buffer = buffer;
            entry.BufferStart = start;
            var reader = new Utf8JsonReader(buffer.AsSpan(start, filled - start), final, state);
            while (true)
            {
                // Where to come back to when the entry is not all in the buffer yet.
                var checkpoint = reader.CurrentState;
                var checkpointBytes = reader.BytesConsumed;
                var checkpointPhase = phase;
                Step step;
                try
                {
                    step = Next(ref reader, ref phase, entry);
                }
                catch (JsonException) when (final && phase == Phase.BeforeArray)
                {
                    throw new ExportFileException("the file is empty or is not a JSON array of entries");
                }
                catch (JsonException e) when (final && !EndsLikeAnArray(buffer.AsSpan(start, filled - start)))
                {
                    throw new ExportFileException($"the file ends in the middle of entry {entries + 1} (truncated?): {Describe(e)}");
                }
                catch (JsonException e)
                {
                    throw new ExportFileException(DescribeJsonError(e, entries));
                }
                catch (Exception e) when (e is EntryFormatException or InvalidOperationException)
                {
                    // A value of the wrong type (the reader's own type errors are InvalidOperationException).
                    throw new ExportFileException($"entry {entries + 1} (byte {discarded + start + reader.TokenStartIndex}): {e.Message}");
                }

                if (step == Step.Entry)
                {
                    entries++;
                    try
                    {
                        if (entries == 1)
                        {
                            fields.CheckShape(entry);
                        }
                        onEntry(entry);
                    }
                    catch (EntryFormatException e)
                    {
                        throw new ExportFileException($"entry {entries} (byte {discarded + start + checkpointBytes}): {e.Message}");
                    }
                    continue;
                }
                if (step == Step.End)
                {
                    return entries;
                }

                // Incomplete: keep the unread tail (from the last whole entry) and read more.
                state = checkpoint;
                phase = checkpointPhase;
                start += (int)checkpointBytes;
                break;
            }

            if (final)
            {
                throw new ExportFileException(entries == 0 && phase == Phase.BeforeArray
                    ? "the file is empty or is not a JSON array of entries"
                    : $"the file ends in the middle of entry {entries + 1} (truncated?)");
            }

            var unread = filled - start;
            if (start == 0)
            {
                if (buffer.Length >= MaxEntryBytes)
                {
                    throw new ExportFileException($"entry {entries + 1} is larger than {MaxEntryBytes / (1024 * 1024)} MB; this is not a Spotify export");
                }
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, unread).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
            else
            {
                buffer.AsSpan(start, unread).CopyTo(buffer);
            }
            discarded += start;
            start = 0;
            filled = unread + Fill(stream, buffer, unread, ref final);
        }
    }

    private static int Fill(Stream stream, byte[] buffer, int offset, ref bool final)
    {
        var total = 0;
        while (offset + total < buffer.Length)
        {
            var read = stream.Read(buffer, offset + total, buffer.Length - offset - total);
            if (read == 0)
            {
                final = true;
                break;
            }
            total += read;
        }
        return total;
    }

    private enum Phase { BeforeArray, InArray, AfterArray }

    private enum Step { Entry, End, Incomplete }

    private Step Next(ref Utf8JsonReader reader, ref Phase phase, ParsedEntry entry)
    {
        while (true)
        {
            if (!reader.Read())
            {
                return phase == Phase.AfterArray && reader.IsFinalBlock ? Step.End : Step.Incomplete;
            }
            switch (phase)
            {
                case Phase.BeforeArray:
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new ExportFileException($"expected a JSON array of entries, found {reader.TokenType} at the start");
                    }
                    phase = Phase.InArray;
                    continue;
                case Phase.InArray when reader.TokenType == JsonTokenType.EndArray:
                    phase = Phase.AfterArray;
                    continue;
                case Phase.InArray when reader.TokenType == JsonTokenType.StartObject:
                    return ReadObject(ref reader, entry) ? Step.Entry : Step.Incomplete;
                case Phase.InArray:
                    throw new EntryFormatException($"expected an object, found {reader.TokenType}");
                default:
                    throw new ExportFileException("unexpected content after the array of entries");
            }
        }
    }

    private bool ReadObject(ref Utf8JsonReader reader, ParsedEntry entry)
    {
        entry.Reset();
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }
            // Property names in exports are never escaped; an escaped one simply won't match and is skipped.
            var name = reader.ValueSpan;
            if (!reader.Read())
            {
                return false;
            }
            if (!fields.Read(name, ref reader, entry) && !reader.TrySkip())
            {
                return false;
            }
        }
    }

    /// <summary>A whole export file ends with the array's closing bracket; one cut short does not.</summary>
    private static bool EndsLikeAnArray(ReadOnlySpan<byte> tail)
    {
        var last = tail.TrimEnd(" \t\r\n"u8);
        return last.Length > 0 && last[^1] == (byte)']';
    }

    private static string DescribeJsonError(JsonException e, long entriesRead) =>
        $"invalid JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1} (after entry {entriesRead}): {Describe(e)}";

    /// <summary>The reader's own words, without the position it appends (given more readably by the caller).</summary>
    private static string Describe(JsonException e)
    {
        var what = e.Message;
        var cut = what.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? what[..cut].TrimEnd() : what;
    }
}

/// <summary>A file that cannot be imported; the message says why and where, for the person to read.</summary>
public sealed class ExportFileException(string message) : Exception(message);
