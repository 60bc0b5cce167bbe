using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Core.Prompts;

/// <summary>
/// The versioned prompt library (data files under Prompts/Library, embedded in this assembly): one system prompt
/// per annotation type and language, the user-message and repair-message templates, and the default temperatures.
/// System prompts are returned as the same string instance every time so the prefix sent to Ollama never varies.
/// </summary>
public sealed class PromptLibrary
{
    private const string ResourcePrefix = "ReportLens.Core.Prompts.Library.";

    private readonly FrozenDictionary<(AnnotationType, ReportLanguage), string> _systemPrompts;
    private readonly FrozenDictionary<ReportLanguage, PromptTemplate> _userTemplates;
    private readonly FrozenDictionary<ReportLanguage, PromptTemplate> _repairTemplates;
    private readonly FrozenDictionary<AnnotationType, double> _temperatures;

    private PromptLibrary(
        string version,
        FrozenDictionary<(AnnotationType, ReportLanguage), string> systemPrompts,
        FrozenDictionary<ReportLanguage, PromptTemplate> userTemplates,
        FrozenDictionary<ReportLanguage, PromptTemplate> repairTemplates,
        FrozenDictionary<AnnotationType, double> temperatures)
    {
        Version = version;
        _systemPrompts = systemPrompts;
        _userTemplates = userTemplates;
        _repairTemplates = repairTemplates;
        _temperatures = temperatures;
    }

    /// <summary>The library embedded in ReportLens.Core, loaded once.</summary>
    public static PromptLibrary Default => DefaultHolder.Instance;

    /// <summary>The manifest's version string, stored with every annotation (e.g. "2026-11-25.1").</summary>
    public string Version { get; }

    /// <summary>The system prompt for the type in the report's language.</summary>
    public string Get(AnnotationType type, ReportLanguage language) => _systemPrompts[(type, language)];

    /// <summary>The default temperature for the type (extraction 0.3, classification 0.5, highlight 0.7, scoring 0.5).</summary>
    public double DefaultTemperature(AnnotationType type) => _temperatures[type];

    /// <summary>The user message: the request, then the report between a line &lt;report&gt; and a line &lt;/report&gt;.</summary>
    public string BuildUserMessage(string userPrompt, string reportText, ReportLanguage language) =>
        _userTemplates[language].Render(("user_prompt", userPrompt), ("report_text", reportText));

    /// <summary>The message asking the model to fix its reply, listing the validation errors (never the report).</summary>
    public string BuildRepairMessage(IEnumerable<string> errors, ReportLanguage language) =>
        _repairTemplates[language].Render(("errors", string.Join('\n', errors.Select(e => "- " + e))));

    private static PromptLibrary Load()
    {
        var assembly = typeof(PromptLibrary).Assembly;
        using var manifest = JsonDocument.Parse(ReadResource(assembly, "manifest.json"));
        var root = manifest.RootElement;
        var version = root.GetProperty("version").GetString()!;
        var folder = root.GetProperty("folder").GetString()!;

        var systemPrompts = new Dictionary<(AnnotationType, ReportLanguage), string>();
        var userTemplates = new Dictionary<ReportLanguage, PromptTemplate>();
        var repairTemplates = new Dictionary<ReportLanguage, PromptTemplate>();
        foreach (var language in Enum.GetValues<ReportLanguage>())
        {
            var prefix = $"{folder}.{language.ToCode()}.";
            foreach (var type in Enum.GetValues<AnnotationType>())
            {
                systemPrompts[(type, language)] = ReadText(assembly, prefix + type.ToWire() + ".txt");
            }

            userTemplates[language] = PromptTemplate.Parse(ReadText(assembly, prefix + "user.txt"));
            repairTemplates[language] = PromptTemplate.Parse(ReadText(assembly, prefix + "repair.txt"));
        }

        var temperatures = new Dictionary<AnnotationType, double>();
        foreach (var property in root.GetProperty("default_temperatures").EnumerateObject())
        {
            if (!AnnotationTypes.TryParse(property.Name, out var type))
            {
                throw new InvalidDataException($"Prompt manifest names an unknown annotation type '{property.Name}'.");
            }

            temperatures[type] = property.Value.GetDouble();
        }

        return new PromptLibrary(
            version,
            systemPrompts.ToFrozenDictionary(),
            userTemplates.ToFrozenDictionary(),
            repairTemplates.ToFrozenDictionary(),
            temperatures.ToFrozenDictionary());
    }

    // Files end with a newline (editorconfig); the prompt itself does not.
    private static string ReadText(Assembly assembly, string name) =>
        ReadResource(assembly, name).TrimEnd('\n', '\r').ReplaceLineEndings("\n");

    private static string ReadResource(Assembly assembly, string name) => EmbeddedText.Read(assembly, ResourcePrefix + name);

    private static class DefaultHolder
    {
        public static readonly PromptLibrary Instance = Load();
    }
}
