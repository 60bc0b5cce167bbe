namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>SQLite, no Ollama, at most ten items per annotation list.</summary>
public sealed class ItemCapAppFixture : SqliteAppFixture
{
    public const int MaxItems = 10;

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Analysis:MaxItemsPerAnnotation"] = MaxItems.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
