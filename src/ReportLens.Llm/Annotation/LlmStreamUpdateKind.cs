
namespace ReportLens.Llm.Annotation;

public enum LlmStreamUpdateKind
{
    /// <summary>A piece of the model's reply as it arrives.</summary>
    Text,

    /// <summary>The reply failed the schema; the repair attempt's text follows.</summary>
    Repair,

    /// <summary>The last update: the validated result.</summary>
    Result,
}
