
namespace ReportLens.Llm.Backends;

/// <summary>Which endpoints get de-identified report text: the one rule, for every kind of backend (docs/privacy.md).</summary>
public static class BackendPrivacy
{
    /// <summary>
    /// The admin's explicit setting wins. Unset: an OpenAI-compatible endpoint, or any endpoint off this machine,
    /// gets de-identified text unless the admin marked it trusted; an endpoint on loopback gets the original.
    /// </summary>
    public static bool Deidentifies(LlmBackendKind kind, Uri url, bool? setting, bool trusted) =>
        setting ?? (!trusted && (kind == LlmBackendKind.OpenAi || !url.IsLoopback));
}
