namespace ReportLens.Application.Reviews.Agreement;

/// <summary>
/// One reviewer (or "settled": the settled reviews) against one engine and model: the engine's items as it produced
/// them against the reviewer's decisions, and the items the reviewer added (the engine missed them).
/// </summary>
public sealed record EngineAgreement(
    string Reviewer, string Engine, string ModelName, int Annotations, int Added, IReadOnlyList<AgreementRow> Kinds, IReadOnlyList<AgreementRow> Dimensions);
