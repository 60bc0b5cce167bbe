namespace ReportLens.Application.Reviews.Agreement;

/// <summary>Two reviewers over the annotations both finished in double review (<see cref="ReviewerA"/> sorts first).</summary>
public sealed record ReviewerPairAgreement(string ReviewerA, string ReviewerB, int Annotations, IReadOnlyList<AgreementRow> Kinds, IReadOnlyList<AgreementRow> Dimensions);
