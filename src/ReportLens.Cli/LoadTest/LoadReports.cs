namespace ReportLens.Cli.LoadTest;

/// <summary>The load-test input: a short synthetic report numbered per request (no patient data).</summary>
public static class LoadReports
{
    public const string Prompt = "提取关键发现";

    public static string Text(int index) => $"测试报告 {index}: 双肺纹理增多，心影不大。";
}
