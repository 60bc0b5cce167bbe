using System.Text.RegularExpressions;

namespace ReportLens.Server.Analysis;

/// <summary>Ollama's model reference form, <c>name[:tag]</c> (a name may hold a registry path such as hf.co/org/model).</summary>
public static partial class ModelNameRule
{
    public const int MaxLength = 100;

    public static bool IsValid(string model) => model.Length <= MaxLength && Form().IsMatch(model);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/-]*(:[A-Za-z0-9][A-Za-z0-9._-]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Form();
}
