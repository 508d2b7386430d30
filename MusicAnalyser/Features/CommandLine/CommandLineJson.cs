using System.Text.Encodings.Web;
using System.Text.Json;

namespace MusicAnalyser.Features.CommandLine;

/// <summary>JSON printed for a terminal or a script: names stay readable (no \u escapes for letters beyond ASCII).</summary>
public static class CommandLineJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
