namespace ReportLens.Core.Deidentification;

/// <summary>
/// How to de-identify. Without <see cref="Key"/> a random key is drawn per <see cref="Deidentifier"/>, so its
/// surrogates and date shifts agree within one run; with a key they agree across runs and datasets
/// (HMAC-SHA256 of the original under the key), and placeholders carry a keyed tag instead of a counter.
/// </summary>
public sealed record DeidOptions
{
    public SurrogateMode Mode { get; init; } = SurrogateMode.Placeholder;

    /// <summary>A secret of at least 16 bytes; keep it out of the data it protects.</summary>
    public byte[]? Key { get; init; }

    /// <summary>Staff names found anywhere, besides those of the embedded staff-names.txt.</summary>
    public IReadOnlyList<string> StaffNames { get; init; } = [];

    public static DeidOptions Default { get; } = new();
}
