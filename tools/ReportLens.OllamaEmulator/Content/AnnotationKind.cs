namespace ReportLens.OllamaEmulator.Content;

internal enum AnnotationKind
{
    None,
    Highlight,
    Classification,
    Extraction,
    Scoring,
}
