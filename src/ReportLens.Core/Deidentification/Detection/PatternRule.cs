using System.Text.RegularExpressions;

namespace ReportLens.Core.Deidentification.Detection;

/// <summary>One row of patterns.tsv: a compiled expression, the type of what it finds and the check a match must pass.</summary>
internal sealed record PatternRule(string Rule, PhiType Type, string Check, Regex Regex);
