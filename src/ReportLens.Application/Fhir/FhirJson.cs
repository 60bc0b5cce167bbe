using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace ReportLens.Application.Fhir;

/// <summary>The Firely SDK's System.Text.Json setup for FHIR R4, strict in both directions.</summary>
public static class FhirJson
{
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    public static System.Threading.Tasks.Task SerializeAsync(Stream stream, Resource resource, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, resource, Options, cancellationToken);

    public static Resource Parse(string json) => JsonSerializer.Deserialize<Resource>(json, Options)
        ?? throw new FormatException("the file holds no FHIR resource");
}
