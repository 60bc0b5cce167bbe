using System.Globalization;
using Hl7.Fhir.Model;
using ReportLens.Core.Annotations;
using ReportLens.Core.Interop;

namespace ReportLens.Application.Fhir;

/// <summary>
/// Observations for an extraction: a finding as valueString with its interpretation (A abnormal, NEG negated — the
/// report states it absent, IND uncertain) and status (final; preliminary when uncertain, a possibility the
/// radiologist raised); a measurement as valueQuantity with a UCUM unit where value and unit parse, else valueString.
/// Each grounded item carries its evidence span (<see cref="FhirCodes.EvidenceExtension"/>): UTF-16 and code-point
/// offsets into the report text of the DiagnosticReport's presentedForm.
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
            observation.Status = finding.Uncertain && !finding.Negated ? ObservationStatus.Preliminary : ObservationStatus.Final;
            AddEvidence(observation, finding.Grounding);
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
            AddEvidence(observation, measurement.Grounding);
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

    private static void AddEvidence(Observation observation, SpanGrounding? grounding)
    {
        if (grounding is not { Ungrounded: false, Start: { } start, End: { } end })
        {
            return;
        }

        var evidence = new Extension { Url = FhirCodes.EvidenceExtension };
        evidence.AddExtension("start", new Integer(start));
        evidence.AddExtension("end", new Integer(end));
        if (grounding is { CodePointStart: { } codePointStart, CodePointEnd: { } codePointEnd })
        {
            evidence.AddExtension("codePointStart", new Integer(codePointStart));
            evidence.AddExtension("codePointEnd", new Integer(codePointEnd));
        }

        evidence.AddExtension("match", new Code(grounding.Match.ToString().ToLowerInvariant()));
        observation.Extension.Add(evidence);
    }

    private static Quantity? Quantity(Measurement measurement) =>
        decimal.TryParse(measurement.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && UcumUnits.TryGetCode(measurement.Unit, out var code)
            ? new Quantity { Value = value, Unit = measurement.Unit, System = FhirCodes.Ucum, Code = code }
            : null;
}
