using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MusicAnalyser.Data;
using MusicAnalyser.Features.Listening;

namespace MusicAnalyser.Features.Export;

public enum ExportFileType { Csv, Json }

/// <summary>
/// Writes the plays of a period (every kind) for the person to take anywhere. The fields carry the names of
/// Spotify's extended streaming history, so a JSON export reads like one (and imports again as one).
/// Rows are streamed from the database to the response: a whole history never sits in memory.
/// </summary>
public sealed class PlayExporter(SqliteDatabase database, IOptions<ListeningOptions> options)
{
    private static readonly string[] Fields =
    [
        "ts", "ms_played", "kind", "master_metadata_track_name", "master_metadata_album_artist_name", "master_metadata_album_album_name",
        "spotify_track_uri", "episode_name", "episode_show_name", "spotify_episode_uri", "audiobook_title", "audiobook_chapter_title",
        "audiobook_chapter_uri", "reason_start", "reason_end", "shuffle", "skipped", "offline", "offline_timestamp", "incognito_mode",
        "platform", "conn_country", "source",
    ];

    private readonly TimeZoneInfo _zone = options.Value.ResolveZone();

    public static string FileName(ListeningPeriod period, ExportFileType type) =>
        $"musicanalyser-plays-{period.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"}-to-{period.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "now"}.{(type == ExportFileType.Csv ? "csv" : "json")}";

    public async Task WriteAsync(Stream output, ListeningPeriod period, ExportFileType type, CancellationToken cancellationToken)
    {
        var (from, to) = period.ToUnixRange(_zone);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.EndedAt, p.MsPlayed, p.Kind, t.Name, a.Name, al.Name, t.SpotifyId, e.Name, s.Name, e.SpotifyId,
                   b.Title, c.Title, c.SpotifyId, rs.Name, re.Name, p.Shuffle, p.Skipped, p.Offline, p.OfflineTimestamp, p.IncognitoMode,
                   pl.Name, co.Code, p.Source
            FROM Plays p
            LEFT JOIN Tracks t ON t.Id = p.TrackId LEFT JOIN Artists a ON a.Id = t.ArtistId LEFT JOIN Albums al ON al.Id = t.AlbumId
            LEFT JOIN Episodes e ON e.Id = p.EpisodeId LEFT JOIN Shows s ON s.Id = e.ShowId
            LEFT JOIN Chapters c ON c.Id = p.ChapterId LEFT JOIN Audiobooks b ON b.Id = c.AudiobookId
            LEFT JOIN Reasons rs ON rs.Id = p.ReasonStartId LEFT JOIN Reasons re ON re.Id = p.ReasonEndId
            LEFT JOIN Platforms pl ON pl.Id = p.PlatformId LEFT JOIN Countries co ON co.Id = p.CountryId
            WHERE p.EndedAt >= $from AND p.EndedAt < $to
            ORDER BY p.EndedAt, p.Id
            """;
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        using var reader = command.ExecuteReader();
        if (type == ExportFileType.Csv)
        {
            await WriteCsvAsync(output, reader, cancellationToken);
        }
        else
        {
            await WriteJsonAsync(output, reader, cancellationToken);
        }
    }

    private static async Task WriteCsvAsync(Stream output, SqliteDataReader reader, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', Fields));
        var row = 0;
        while (reader.Read())
        {
            await writer.WriteLineAsync(string.Join(',', Values(reader).Select(Csv)));
            if (++row % 10_000 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
    }

    private static async Task WriteJsonAsync(Stream output, SqliteDataReader reader, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        var row = 0;
        while (reader.Read())
        {
            json.WriteStartObject();
            var values = Values(reader);
            for (var i = 0; i < Fields.Length; i++)
            {
                json.WritePropertyName(Fields[i]);
                switch (values[i])
                {
                    case null: json.WriteNullValue(); break;
                    case bool flag: json.WriteBooleanValue(flag); break;
                    case long number: json.WriteNumberValue(number); break;
                    case string text: json.WriteStringValue(text); break;
                }
            }
            json.WriteEndObject();
            if (++row % 10_000 == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
    }

    /// <summary>One play's values, in <see cref="Fields"/> order, as the export file shows them.</summary>
    private static object?[] Values(SqliteDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        bool? Flag(int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);
        string? Uri(string kind, int i) => r.IsDBNull(i) ? null : $"spotify:{kind}:{r.GetString(i)}";
        return
        [
            DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(0)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            r.GetInt64(1),
            ((PlayKind)r.GetByte(2)).ToString().ToLowerInvariant(),
            Text(3), Text(4), Text(5), Uri("track", 6), Text(7), Text(8), Uri("episode", 9), Text(10), Text(11), Uri("chapter", 12),
            Text(13), Text(14), Flag(15), Flag(16), Flag(17), r.IsDBNull(18) ? null : r.GetInt64(18), Flag(19), Text(20), Text(21),
            ((PlaySource)r.GetByte(22)) switch { PlaySource.ExtendedHistory => "extended history", PlaySource.AccountData => "account data", _ => "spotify web api" },
        ];
    }

    /// <summary>RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.</summary>
    private static string Csv(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        long number => number.ToString(CultureInfo.InvariantCulture),
        string text when text.AsSpan().IndexOfAny(",\"\r\n") >= 0 => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        string text => text,
        _ => value.ToString() ?? "",
    };
}
