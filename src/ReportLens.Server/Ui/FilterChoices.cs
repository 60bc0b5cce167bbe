namespace ReportLens.Server.Ui;

public sealed record FilterChoices(IReadOnlyList<string> Modalities, IReadOnlyList<string> BodyParts);
