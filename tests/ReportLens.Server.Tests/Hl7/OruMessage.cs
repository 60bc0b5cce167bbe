using System.Text;

namespace ReportLens.Server.Tests.Hl7;

/// <summary>A hand-written ORU^R01 in the IHE RAD-28 shape (invented patient and text), with the parts a test varies.</summary>
internal sealed record OruMessage(string ControlId, string Accession, IReadOnlyList<string> TextLines)
{
    public string Version { get; init; } = "2.5.1";
    public string Status { get; init; } = "F";
    public string Modality { get; init; } = "CR";
    public string Procedure { get; init; } = "CHEST 2 VIEWS";
    public string Charset { get; init; } = "UNICODE UTF-8";
    public string Sender { get; init; } = "RIS";

    public string Text => string.Join('\r',
        $@"MSH|^~\&|{Sender}|GENHOSP|REPORTLENS|GENHOSP|20261120083000||ORU^R01^ORU_R01|{ControlId}|P|{Version}||||||{Charset}",
        "PID|1||PAT-1^^^GENHOSP^MR||Example^Pat||19700101|F",
        $"OBR|1||{Accession}|P1^{Procedure}^L|||20261120081500|||||||||||||||||{Modality}|{Status}",
        string.Join('\r', TextLines.Select((line, i) => $"OBX|{i + 1}|TX|T^Report^L||{line}||||||{Status}"))) + "\r";

    public byte[] Bytes(Encoding? encoding = null) => (encoding ?? Encoding.UTF8).GetBytes(Text);

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];
}
