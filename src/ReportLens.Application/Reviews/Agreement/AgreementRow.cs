using ReportLens.Core.Evaluation;

namespace ReportLens.Application.Reviews.Agreement;

/// <summary>Agreement on one item kind or classification dimension: counts, raw agreement, chance agreement, Cohen's κ (null when undefined), the cross-table.</summary>
public sealed record AgreementRow(
    string Name,
    int Items,
    int Agreed,
    double? RawAgreement,
    double? ExpectedAgreement,
    double? Kappa,
    IReadOnlyList<AgreementCell> Table)
{
    public static AgreementRow Of(string name, IEnumerable<(string, string)> pairs)
    {
        var f = CohenKappa.Of(pairs);
        return new(name, f.Items, f.Agreed, f.RawAgreement, f.ExpectedAgreement, f.Kappa, f.Table);
    }
}
