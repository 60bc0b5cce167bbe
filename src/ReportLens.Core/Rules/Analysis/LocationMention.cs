namespace ReportLens.Core.Rules.Analysis;

/// <summary>An anatomy mention, with a laterality word directly before it taken in ("右肺上叶", "right upper lobe").</summary>
internal sealed record LocationMention(int Start, int End, string Text, string BodyPart, int Weight, TextUnit Clause);
