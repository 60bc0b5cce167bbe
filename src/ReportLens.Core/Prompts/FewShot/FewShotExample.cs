namespace ReportLens.Core.Prompts.FewShot;

/// <summary>
/// One example turn pair: the report the model is shown (as a user message) and the exact JSON its schema asks for
/// (as the assistant's reply). <see cref="Name"/> is the gold record's id.
/// </summary>
public sealed record FewShotExample(string Name, string ReportText, string Answer);
