namespace ReportLens.Core.Evaluation;

/// <summary>
/// Two raters on <see cref="Items"/> items: <see cref="Agreed"/> labelled alike, raw agreement p_o, chance agreement p_e,
/// Cohen's κ (null when undefined), and the cross-table of their labels (the counts behind the figures).
/// </summary>
public sealed record AgreementFigures(
    int Items,
    int Agreed,
    double? RawAgreement,
    double? ExpectedAgreement,
    double? Kappa,
    IReadOnlyList<AgreementCell> Table);
