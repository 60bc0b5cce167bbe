using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using ReportLens.Application.Reviews;
using ReportLens.Core.Annotations;
using ReportLens.Core.Interop;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;
using Annotation = ReportLens.Data.Entities.Annotation;

namespace ReportLens.Application.Fhir;

/// <summary>
/// Builds a FHIR R4 collection Bundle: per report a DiagnosticReport (status, category RAD, LOINC code, the text as
/// a text/plain presentedForm, the accession as identifier) and an Observation per extracted finding and measurement.
/// Each annotation enters as its settled review leaves it (<see cref="ReviewedContent"/>): rejected items are absent,
/// edited ones corrected, added ones present.
/// </summary>
public sealed class FhirBundleBuilder(DateTimeOffset now)
{
    private readonly Bundle _bundle = new() { Type = Bundle.BundleType.Collection, Timestamp = now };

    public int ReportCount { get; private set; }

    public void Add(Report report, IReadOnlyList<Annotation> annotations)
    {
        var diagnostic = new DiagnosticReport
        {
            Status = DiagnosticReport.DiagnosticReportStatus.Final,
            Language = report.Language,
            Code = new CodeableConcept(FhirCodes.Loinc, FhirCodes.DiagnosticImagingStudy, "Diagnostic imaging study"),
            Category = [Category(report)],
            PresentedForm =
            [
                new Attachment
                {
                    ContentType = "text/plain; charset=utf-8",
                    Language = report.Language,
                    Data = Encoding.UTF8.GetBytes(report.ReportContent),
                },
            ],
        };
        if (report.AccessionNumber is { } accession)
        {
            diagnostic.Identifier.Add(new Identifier(FhirCodes.AccessionSystem, accession)
            {
                Type = new CodeableConcept(FhirCodes.V2IdentifierType, "ACSN", "Accession ID"),
            });
        }

        if (report.ExamDate is { } date)
        {
            diagnostic.Effective = new FhirDateTime(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        foreach (var annotation in annotations)
        {
            diagnostic.Extension.Add(FhirAnnotationExtension.Create(ToImported(annotation, Reviewed(annotation))));
        }

        // Observations come from one extraction only (the latest reviewed, else the latest): several engines'
        // extractions of one report would otherwise state each finding several times. Every annotation still
        // rides on the extension.
        var latest = annotations.Where(a => a.AnnotationType == AnnotationType.Extraction && a.ContentJson is not null)
            .MaxBy(a => (a.ReviewStatus is not null, a.CreatedAt));
        if (latest is not null)
        {
            var content = (ExtractionContent)Reviewed(latest)!;
            diagnostic.Conclusion = string.IsNullOrWhiteSpace(content.Impression) ? null : content.Impression;
            foreach (var observation in FhirObservations.From(content, diagnostic.Effective))
            {
                diagnostic.Result.Add(AddEntry(observation));
            }
        }

        AddEntry(diagnostic);
        ReportCount++;
    }

    public Bundle Build() => _bundle;

    private ResourceReference AddEntry(Resource resource)
    {
        var fullUrl = "urn:uuid:" + Guid.NewGuid().ToString("D");
        _bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource });
        return new ResourceReference(fullUrl);
    }

    private static CodeableConcept Category(Report report)
    {
        var category = new CodeableConcept(FhirCodes.V2ServiceSection, "RAD", "Radiology");
        if (report.Modality is { } modality)
        {
            category.Coding.Add(new Coding(FhirCodes.ModalitySystem, modality));
        }

        if (report.BodyPart is { } bodyPart)
        {
            category.Coding.Add(new Coding(FhirCodes.BodyPartSystem, bodyPart));
        }

        return category;
    }

    /// <summary>The content with its settled review applied; null for a failed annotation.</summary>
    public static AnnotationContent? Reviewed(Annotation annotation) =>
        annotation.ContentJson is { } json
            ? ReviewedContent.Apply(ReportLensJson.DeserializeContent(annotation.AnnotationType, json), ReviewService.Read(annotation))
            : null;

    private static ImportedAnnotation ToImported(Annotation annotation, AnnotationContent? reviewed) => new()
    {
        AnnotationType = annotation.AnnotationType,
        Engine = annotation.Engine,
        ModelName = annotation.ModelName,
        Confidence = annotation.Confidence,
        GroundedFraction = annotation.GroundedFraction,
        CreatedAt = annotation.CreatedAt,
        ContentJson = reviewed is null ? "{}" : ReportLensJson.SerializeContent(reviewed),
    };
}
