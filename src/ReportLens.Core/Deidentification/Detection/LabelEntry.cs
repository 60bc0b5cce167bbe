namespace ReportLens.Core.Deidentification.Detection;

/// <summary>One row of labels.tsv: a label such as 住院号 or MRN, the type and shape of the value after it.</summary>
internal sealed record LabelEntry(string Label, PhiType Type, string Shape, bool ColonRequired);
