using System.Globalization;
using Hl7.Fhir.Model;
using ReportLens.Core.Annotations;
using ReportLens.Core.Interop;

namespace ReportLens.Cli.Fhir;

/// <summary>
/// Observations for an extraction: a finding as valueString with its interpretation (A abnormal, NEG negated,
/// IND uncertain); a measurement as valueQuantity with a UCUM unit where value and unit parse, else valueString.
/// </summary>
public static class FhirObservations
{
    public static IEnumerable<Observation> From(ExtractionContent content, DataType? effective)
    {
        var details = content.FindingDetails.Count > 0
            ? content.FindingDetails
            : content.Findings.Select(f => new Finding { Text = f }).ToList();
        foreach (var finding in details)
        {
            var observation = New(new CodeableConcept(FhirCodes.Loinc, FhirCodes.ProcedureFindings, "Procedure findings"), effective);
            observation.Value = new FhirString(finding.Text);
            var interpretation = finding.Negated ? ("NEG", "Negative") : finding.Uncertain ? ("IND", "Indeterminate") : finding.Abnormal ? ("A", "Abnormal") : default;
            if (interpretation.Item1 is not null)
            {
                observation.Interpretation.Add(new CodeableConcept(FhirCodes.Interpretation, interpretation.Item1, interpretation.Item2));
            }

            yield return observation;
        }

        foreach (var measurement in content.Measurements)
        {
            var observation = New(new CodeableConcept { Text = measurement.Item }, effective);
            observation.Value = Quantity(measurement) ?? (DataType)new FhirString(measurement.Text ?? $"{measurement.Value}{measurement.Unit}");
            yield return observation;
        }
    }

    private static Observation New(CodeableConcept code, DataType? effective) => new()
    {
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept(FhirCodes.ObservationCategory, "imaging", "Imaging")],
        Code = code,
        Effective = (DataType?)effective?.DeepCopy(),
    };

    private static Quantity? Quantity(Measurement measurement) =>
        decimal.TryParse(measurement.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && UcumUnits.TryGetCode(measurement.Unit, out var code)
            ? new Quantity { Value = value, Unit = measurement.Unit, System = FhirCodes.Ucum, Code = code }
            : null;
}
