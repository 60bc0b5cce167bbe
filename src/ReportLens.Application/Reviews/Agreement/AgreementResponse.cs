namespace ReportLens.Application.Reviews.Agreement;

/// <summary>Body of GET /api/v1/reviews/agreement.</summary>
public sealed record AgreementResponse(IReadOnlyList<ReviewerPairAgreement> Reviewers, IReadOnlyList<EngineAgreement> Engines);
