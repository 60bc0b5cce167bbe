using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportLens.Server.Input;

/// <summary>Reads every string of a request body through <see cref="UnsafeText"/>; writing is unchanged.</summary>
public sealed class SafeStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return UnsafeText.Describe(value) is { } where ? throw new UnsafeTextException(where) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
