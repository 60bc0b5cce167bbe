
namespace ReportLens.Llm.Backends;

/// <summary>Ollama treats "llama3" and "llama3:latest" as one model.</summary>
public static class ModelNames
{
    public static string Normalize(string model)
    {
        var name = model.Trim();
        return name.Contains(':', StringComparison.Ordinal) ? name : name + ":latest";
    }
}
