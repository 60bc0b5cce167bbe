using System.CommandLine;
using ReportLens.Cli.Hl7v2;
using ReportLens.Cli.Infrastructure;

namespace ReportLens.Cli.Commands;

/// <summary>`reportlens hl7 send FILE --to HOST:PORT` and `reportlens hl7 parse FILE`: for testing an integration with a RIS.</summary>
public static class Hl7Command
{
    public static Command Create(GlobalOptions globals) =>
        new("hl7", "HL7 v2 tools: send ORU^R01 messages over MLLP, or show what ReportLens would store from them") { Send(globals), Parse(globals) };

    private static Command Send(GlobalOptions globals)
    {
        var file = new Argument<string>("FILE") { Description = "A file of one or more HL7 messages (segments may end in CR or LF)" };
        var to = new Option<string>("--to") { Description = "The MLLP listener, HOST:PORT", Required = true };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each ACK", DefaultValueFactory = _ => 30 };
        var command = new Command("send", "Send the messages of FILE over MLLP and print each ACK (exit 1 unless every ACK is AA)") { file, to, timeout };
        command.SetHandler(globals, (context, ct) => Hl7Sender.RunAsync(context, context.Get(file), context.Get(to), context.Get(timeout), ct));
        return command;
    }

    private static Command Parse(GlobalOptions globals)
    {
        var file = new Argument<string>("FILE") { Description = "A file of one or more HL7 messages" };
        var accession = new Option<string>("--accession-field") { Description = "OBR-3, OBR-18 or ORC-3", DefaultValueFactory = _ => "OBR-3" };
        accession.AcceptOnlyFromAmong("OBR-3", "OBR-18", "ORC-3");
        var command = new Command("parse", "Show, as JSON lines, what ReportLens would store from each message of FILE (or why it would refuse it)") { file, accession };
        command.SetHandler(globals, (context, ct) => Hl7Preview.RunAsync(context, context.Get(file), context.Get(accession), ct));
        return command;
    }
}
