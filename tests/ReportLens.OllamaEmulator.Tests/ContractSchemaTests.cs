using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.AI;
using OllamaSharp;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.OllamaEmulator;

namespace ReportLens.OllamaEmulator.Tests;

/// <summary>Schemas generated from the project's own content records, as the LLM layer sends them, must be honoured.</summary>
public sealed class ContractSchemaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<AnnotationType, Type> Contracts => new()
    {
        { AnnotationType.Highlight, typeof(HighlightContent) },
        { AnnotationType.Classification, typeof(ClassificationContent) },
        { AnnotationType.Extraction, typeof(ExtractionContent) },
        { AnnotationType.Scoring, typeof(ScoringContent) },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task ChatClient_SchemaOfCoreContract_ReplyValidatesAndDeserializes(AnnotationType type, Type contract)
    {
        var report = EmulatorRequests.ChestReport;
        var (schema, text) = await AskAsync(type, contract, EmulatorRequests.UserPrompt(report));

        var evaluation = Evaluate(schema, text);
        Assert.True(evaluation.IsValid, Describe(evaluation));
        var content = ReportLensJson.DeserializeContent(type, text);
        switch (content)
        {
            case HighlightContent h:
                Assert.NotEmpty(h.Highlights);
                Assert.All(h.Highlights, i => Assert.Equal(i.Text, report[i.Start..i.End]));
                break;
            case ClassificationContent c:
                Assert.Equal(5, c.Classifications.Count);
                break;
            case ExtractionContent e:
                Assert.NotEmpty(e.Findings);
                Assert.NotEmpty(e.Measurements);
                break;
            case ScoringContent s:
                Assert.Equal(5, s.Scores.Count);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task ChatClient_SchemaViolationFault_ReplyFailsTheSameValidation(AnnotationType type, Type contract)
    {
        var (schema, text) = await AskAsync(type, contract, EmulatorRequests.UserPrompt(EmulatorRequests.ChestReport, "[[emulator:fault=schema_violation]]"));

        Assert.False(Evaluate(schema, text).IsValid);
    }

    private static async Task<(JsonElement Schema, string Text)> AskAsync(AnnotationType type, Type contract, string prompt)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var ollama = new OllamaApiClient(emulator.BaseUrl, EmulatorRequests.Model);
        IChatClient chat = ollama;
        var schema = AIJsonUtilities.CreateJsonSchema(contract, serializerOptions: ReportLensJson.Options,
            inferenceOptions: new AIJsonSchemaCreateOptions
            {
                TransformOptions = new AIJsonSchemaTransformOptions { RequireAllProperties = true, DisallowAdditionalProperties = true },
            });
        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, type.ToString()) }, Ct);
        return (schema, response.Text);
    }

    private static EvaluationResults Evaluate(JsonElement schema, string text)
    {
        using var reply = JsonDocument.Parse(text);
        return JsonSchema.FromText(schema.GetRawText()).Evaluate(reply.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
}
