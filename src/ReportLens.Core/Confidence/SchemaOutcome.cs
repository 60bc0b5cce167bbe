namespace ReportLens.Core.Confidence;

/// <summary>Whether the engine's JSON matched the type's schema: at once, after the repair pass, or not at all.</summary>
public enum SchemaOutcome
{
    ValidFirstTry,
    ValidAfterRepair,
    Invalid,
}
