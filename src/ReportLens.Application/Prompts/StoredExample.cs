using System.Text.Json;

namespace ReportLens.Application.Prompts;

/// <summary>One stored example as the doors show it: the gold record given and the assistant turn made from it.</summary>
public sealed record StoredExample(int Position, string Id, JsonElement Gold, JsonElement Answer);
