using ReportLens.Core.Interop;

namespace ReportLens.Application.Reports;

/// <summary>
/// A report to store. A correction replaces the text of the report stored under the same accession number and
/// keeps the former text as a version; anything else must bring a new accession number (or the same text again).
/// </summary>
public sealed record ReportSubmission(ImportedReport Report, bool IsCorrection, string AuditDetail);
