namespace ReportLens.Application.Fhir;

/// <summary>Code systems and extension URLs of the FHIR mapping (see docs/cli.md, "FHIR mapping").</summary>
public static class FhirCodes
{
    public const string Loinc = "http://loinc.org";
    public const string DiagnosticImagingStudy = "18748-4";
    public const string ProcedureFindings = "59776-5";
    public const string V2ServiceSection = "http://terminology.hl7.org/CodeSystem/v2-0074";
    public const string V2IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string Interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";
    public const string ModalitySystem = "https://reportlens.dev/fhir/CodeSystem/modality";
    public const string BodyPartSystem = "https://reportlens.dev/fhir/CodeSystem/body-part";
    public const string AccessionSystem = "https://reportlens.dev/fhir/NamingSystem/accession";
    public const string AnnotationExtension = "https://reportlens.dev/fhir/StructureDefinition/annotation";
    public const string EvidenceExtension = "https://reportlens.dev/fhir/StructureDefinition/evidence-span";
}
