namespace ReportLens.Core.Text;

/// <summary>Report language: "zh" (Chinese, first) or "en".</summary>
public enum ReportLanguage
{
    Zh,
    En,
}
