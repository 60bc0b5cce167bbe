using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Hl7;

/// <summary>The HL7 settings of the end-to-end tests: a listener on a free port, a small size limit, arrival analyses by rules.</summary>
internal static class Hl7TestSettings
{
    public const int MaxMessageBytes = 8192;

    public static int Apply(Dictionary<string, string?> settings)
    {
        var port = FreePort.Next();
        settings["HL7_MLLP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["HL7_MAX_MESSAGE_BYTES"] = MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["HL7_ANALYSIS_TYPES"] = "highlight";
        settings["HL7_ANALYSIS_ENGINE"] = "rules";
        // CT reports get a classification as well: the per-modality rule wins over the defaults.
        settings["Hl7:Analysis:Rules:0:Modality"] = "CT";
        settings["Hl7:Analysis:Rules:0:Types"] = "highlight,classification";
        settings["Hl7:Analysis:Rules:0:Engine"] = "rules";
        settings["Jobs:PollSeconds"] = "0.1";
        return port;
    }
}

public sealed class Hl7SqliteAppFixture : SqliteAppFixture
{
    public int Hl7Port { get; private set; }

    protected override void Configure(Dictionary<string, string?> settings) => Hl7Port = Hl7TestSettings.Apply(settings);
}

public sealed class Hl7PostgresAppFixture : PostgresAppFixture
{
    public int Hl7Port { get; private set; }

    protected override void Configure(Dictionary<string, string?> settings) => Hl7Port = Hl7TestSettings.Apply(settings);
}
