using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using ReportLens.Core.Annotations;
using ReportLens.Core.Interop;
using ReportLens.Core.Json;

namespace ReportLens.Application.Fhir;

/// <summary>
/// Carries a ReportLens annotation on a DiagnosticReport as a complex extension (type, engine, model, confidence,
/// grounded fraction, created, content as an application/json attachment), so an export imports back whole.
/// </summary>
public static class FhirAnnotationExtension
{
    public static Extension Create(ImportedAnnotation annotation)
    {
        var extension = new Extension { Url = FhirCodes.AnnotationExtension };
        extension.AddExtension("type", new Code(annotation.AnnotationType.WireName()));
        extension.AddExtension("engine", new Code(annotation.Engine.WireName()));
        if (annotation.ModelName.Length > 0)
        {
            extension.AddExtension("model", new FhirString(annotation.ModelName));
        }

        extension.AddExtension("confidence", new FhirDecimal((decimal)annotation.Confidence));
        if (annotation.GroundedFraction is { } grounded)
        {
            extension.AddExtension("groundedFraction", new FhirDecimal((decimal)grounded));
        }

        extension.AddExtension("created", new FhirDateTime(annotation.CreatedAt));
        extension.AddExtension("content", new Attachment
        {
            ContentType = "application/json",
            Data = Encoding.UTF8.GetBytes(annotation.ContentJson),
        });
        return extension;
    }

    public static IReadOnlyList<ImportedAnnotation> Read(DiagnosticReport report) =>
        report.Extension
            .Where(e => e.Url == FhirCodes.AnnotationExtension)
            .Select(ReadOne)
            .OfType<ImportedAnnotation>()
            .ToList();

    private static ImportedAnnotation? ReadOne(Extension extension)
    {
        var content = extension.GetExtensionValue<Attachment>("content")?.Data;
        // A type or engine this version does not know is left out, like a missing one.
        if (!WireNames.TryParse<AnnotationType>(extension.GetExtensionValue<Code>("type")?.Value, out var type)
            || !WireNames.TryParse<EngineKind>(extension.GetExtensionValue<Code>("engine")?.Value, out var engine)
            || content is null)
        {
            return null;
        }

        var created = extension.GetExtensionValue<FhirDateTime>("created");
        return new ImportedAnnotation
        {
            AnnotationType = type,
            Engine = engine,
            ModelName = extension.GetExtensionValue<FhirString>("model")?.Value ?? "",
            Confidence = (double)(extension.GetExtensionValue<FhirDecimal>("confidence")?.Value ?? 0m),
            GroundedFraction = extension.GetExtensionValue<FhirDecimal>("groundedFraction")?.Value is { } g ? (double)g : null,
            CreatedAt = created?.Value is { } at && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                ? when
                : DateTimeOffset.UnixEpoch,
            ContentJson = Encoding.UTF8.GetString(content),
        };
    }
}
