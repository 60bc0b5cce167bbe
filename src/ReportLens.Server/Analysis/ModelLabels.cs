using Microsoft.Extensions.Options;
using ReportLens.Llm;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Options;

namespace ReportLens.Server.Analysis;

/// <summary>
/// Model names as metric labels and as the list a client is told about: only the configured model and the models
/// the backends report. A client-chosen name outside them is labelled <c>other</c>, so requests cannot add series.
/// </summary>
public sealed class ModelLabels(IOptions<OllamaOptions> options, LlmBackendPool pool)
{
    public const string Other = "other";

    public IReadOnlyList<string> Available() =>
        [.. pool.GetBackendsSnapshot().SelectMany(b => b.Models).Append(options.Value.Model).Select(NormalizeName)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public string For(string? model)
    {
        if (model is null || model == "default")
        {
            return NormalizeName(options.Value.Model);
        }

        var name = NormalizeName(model);
        return Available().Contains(name, StringComparer.Ordinal) ? name : Other;
    }

    public string Normalize(string model) => NormalizeName(model);

    private static string NormalizeName(string model)
    {
        var name = model.Trim();
        return name.Contains(':', StringComparison.Ordinal) ? name : name + ":latest";
    }
}
