using System.CommandLine;

namespace ReportLens.Cli.Infrastructure;

/// <summary>Options every command accepts, wherever they stand on the command line.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Database { get; } = new("--database")
    {
        Description = "Database URL or connection string (default: $DATABASE_URL, else SQLite reportlens.db)",
        Recursive = true,
    };

    public Option<string?> Server { get; } = new("--server")
    {
        Description = "Talk to a running ReportLens server at this URL instead of the database (default: $REPORTLENS_SERVER)",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "Bearer token for --server (from POST /api/v1/auth/login; default: $REPORTLENS_TOKEN)",
        Recursive = true,
    };

    public Option<string?> Ollama { get; } = new("--ollama")
    {
        Description = $"Ollama base URL (default: $OLLAMA_BASE_URL, else {OllamaSettings.DefaultBaseUrl})",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Print stack traces and diagnostic detail on errors",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Database);
        root.Options.Add(Server);
        root.Options.Add(Token);
        root.Options.Add(Ollama);
        root.Options.Add(Verbose);
    }
}
