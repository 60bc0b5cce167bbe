namespace ReportLens.Core.Rules.Analysis;

/// <summary>
/// A device or post-operative material the report names as present (a tube, line, pacemaker, sternotomy wires,
/// clips, a prosthesis): reported as such, never as a finding, so it makes no report abnormal or urgent.
/// <paramref name="Kind"/> is its group in devices.tsv (tube, line, lead, wire, clip, prosthesis, postoperative…).
/// </summary>
internal sealed record DeviceMention(int Start, int End, string Kind);
