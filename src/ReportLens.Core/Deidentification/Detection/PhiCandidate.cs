namespace ReportLens.Core.Deidentification.Detection;

/// <summary>A span one rule proposes, before overlaps between rules are settled.</summary>
internal readonly record struct PhiCandidate(int Start, int End, PhiType Type, string Rule)
{
    public int Length => End - Start;
}
