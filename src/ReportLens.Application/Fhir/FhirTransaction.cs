using Hl7.Fhir.Model;

namespace ReportLens.Application.Fhir;

/// <summary>
/// Turns a report's collection Bundle into the transaction Bundle ReportLens pushes: every resource gets a stable id
/// (<c>reportlens-{report}</c> for the DiagnosticReport, <c>reportlens-{report}-{n}</c> for its Observations) and is
/// written with <c>PUT Type/id</c>, so pushing a report again updates the same resources instead of adding copies.
/// </summary>
public static class FhirTransaction
{
    public static Bundle From(Bundle collection, int reportId, Uri serverBase)
    {
        var transaction = new Bundle { Type = Bundle.BundleType.Transaction, Timestamp = collection.Timestamp };
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        var observations = 0;
        foreach (var entry in collection.Entry)
        {
            if (entry.Resource is not { } original)
            {
                continue;
            }

            var resource = original.DeepCopy();
            resource.Id = resource is DiagnosticReport ? $"reportlens-{reportId}" : $"reportlens-{reportId}-{observations++}";
            var path = $"{resource.TypeName}/{resource.Id}";
            if (entry.FullUrl is { } fullUrl)
            {
                references[fullUrl] = path;
            }

            transaction.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = new Uri(serverBase, path).AbsoluteUri,
                Resource = resource,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = path },
            });
        }

        foreach (var report in transaction.Entry.Select(e => e.Resource).OfType<DiagnosticReport>())
        {
            foreach (var result in report.Result)
            {
                result.Reference = result.Reference is { } r && references.TryGetValue(r, out var path) ? path : result.Reference;
            }
        }

        return transaction;
    }
}
