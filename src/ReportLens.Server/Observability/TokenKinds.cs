namespace ReportLens.Server.Observability;

/// <summary>The kind label of reportlens_llm_tokens_total.</summary>
public static class TokenKinds
{
    public const string Prompt = "prompt";
    public const string Output = "output";
    public const string Thinking = "thinking";
}
