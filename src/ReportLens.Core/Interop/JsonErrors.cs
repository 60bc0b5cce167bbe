using System.Text.Json;

namespace ReportLens.Core.Interop;

/// <summary>Describes a JSON parse error by position only, so no input text ends up in a message.</summary>
public static class JsonErrors
{
    public static string Describe(JsonException ex) =>
        ex.BytePositionInLine is { } column ? $"at column {column + 1}" : "malformed";
}
