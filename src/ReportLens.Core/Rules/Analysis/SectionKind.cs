namespace ReportLens.Core.Rules.Analysis;

/// <summary>What a part of the report is. Text before the first heading is the preamble (title and, often, findings).</summary>
internal enum SectionKind
{
    Preamble,
    Findings,
    Impression,
    Recommendation,
    Technique,
    History,
}
