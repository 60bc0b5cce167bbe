using System.Text.Json;

namespace ReportLens.Server.Input;

/// <summary>
/// Thrown while reading a JSON body when a string holds a forbidden character. It is a <see cref="JsonException"/>
/// so System.Text.Json fills in <see cref="JsonException.Path"/>, which names the field in the 400 problem.
/// </summary>
public sealed class UnsafeTextException(string where) : JsonException(UnsafeText.Message(where))
{
    public string Where { get; } = where;
}
