using ReportLens.OllamaEmulator.Faults;
using ReportLens.OllamaEmulator.Scheduling;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>
/// Where a reply's reasoning goes, as Ollama does it: a thinking model (or a think_* fault) reasons unless the request
/// sends think=false; with think=true the reasoning is a separate field, with think unset a &lt;think&gt; block
/// before the answer. think_only leaves no answer; think_inline writes the block whatever think says.
/// </summary>
internal sealed record ThinkingReply(string? Thinking, string Content)
{
    public const string Reasoning =
        "Okay, I need to read the report and answer with the JSON the schema asks for. Let me go through it sentence by sentence, " +
        "note each finding, whether it is negated, and where it is.";

    public static ThinkingReply For(InferenceRequest request, ModelInfo model, FaultPlan plan, string answer)
    {
        var thinks = plan.ThinkOnly || plan.ThinkInline || (model.Thinks && request.Think != false);
        if (!thinks)
        {
            return new ThinkingReply(null, answer);
        }

        var content = plan.ThinkOnly ? "" : answer;
        return request.Think == true && !plan.ThinkInline
            ? new ThinkingReply(Reasoning, content)
            : new ThinkingReply(null, $"<think>\n{Reasoning}\n</think>\n\n{content}");
    }
}
