namespace ReportLens.OllamaEmulator;

public static class EmulatorProgram
{
    public static int Main(string[] args) => 0;
}
