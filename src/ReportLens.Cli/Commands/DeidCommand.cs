using System.CommandLine;
using ReportLens.Cli.Deid;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Deidentification;

namespace ReportLens.Cli.Commands;

/// <summary>`reportlens deid --input FILE --output FILE`: identifiers in report texts replaced (docs/privacy.md).</summary>
public static class DeidCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var input = new Option<string>("--input", "-i") { Description = "A .jsonl or .csv file, a .txt file, or a folder of .txt files", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The file (or, for a folder, the folder) to write", Required = true };
        var format = new Option<string?>("--format") { Description = "jsonl|csv|txt (default: from the extension)" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "txt");
        var surrogates = new Option<string>("--surrogates") { Description = "placeholder ([姓名1], [NAME-1]) or realistic (invented values)", DefaultValueFactory = _ => "placeholder" };
        surrogates.AcceptOnlyFromAmong("placeholder", "realistic");
        var keyFile = new Option<string?>("--key-file") { Description = "A secret (at least 16 bytes): the same identifier gets the same surrogate and the same patient the same date shift in every run" };
        var staffNames = new Option<string?>("--staff-names") { Description = "A file of staff names, one a line, replaced wherever they appear" };
        var textField = new Option<string?>("--text-field") { Description = "JSONL field or CSV column holding the report text (default report_content or text)" };
        var delimiter = new Option<string>("--delimiter") { Description = "CSV field delimiter: one character, or 'tab'", DefaultValueFactory = _ => "," };
        var command = new Command("deid", "De-identify report texts: names, ID numbers, phones, record numbers, dates, ages over 89, addresses, organisations")
        {
            input, output, format, surrogates, keyFile, staffNames, textField, delimiter,
        };
        command.SetHandler(globals, async (context, cancellationToken) =>
        {
            var (source, target) = (context.Get(input), context.Get(output));
            if (!File.Exists(source) && !Directory.Exists(source))
            {
                throw new CliException($"file not found: {source}");
            }

            if (Path.GetFullPath(source) == Path.GetFullPath(target))
            {
                throw CliException.Usage("--output must differ from --input: the original is kept");
            }

            var options = new DeidOptions
            {
                Mode = context.Get(surrogates) == "realistic" ? SurrogateMode.Realistic : SurrogateMode.Placeholder,
                Key = context.Get(keyFile) is { } key ? await ReadKeyAsync(key, cancellationToken) : null,
                StaffNames = context.Get(staffNames) is { } names ? [.. await File.ReadAllLinesAsync(names, cancellationToken)] : [],
            };
            var tally = new DeidTally();
            var files = new DeidFiles(new Deidentifier(options), tally, context.Get(textField));
            await RunAsync(files, source, target, Format(source, context.Get(format)), context.Get(delimiter), cancellationToken);
            await context.Error.WriteLineAsync(tally.Summary());
            if (tally.CopiedFields.Count > 0)
            {
                await context.Error.WriteLineAsync($"copied unchanged (not de-identified): {string.Join(", ", tally.CopiedFields)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task RunAsync(DeidFiles files, string source, string target, string format, string delimiter, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "txt" when Directory.Exists(source):
                Directory.CreateDirectory(target);
                foreach (var file in Directory.EnumerateFiles(source, "*.txt").Order(StringComparer.Ordinal))
                {
                    await files.TextAsync(file, Path.Combine(target, Path.GetFileName(file)), cancellationToken);
                }

                break;
            case "txt":
                await files.TextAsync(source, target, cancellationToken);
                break;
            case "jsonl":
                await files.JsonlAsync(source, target, cancellationToken);
                break;
            default:
                await files.CsvAsync(source, target, CsvDelimiter.Parse(delimiter), cancellationToken);
                break;
        }
    }

    private static string Format(string path, string? format) => format ?? (Directory.Exists(path)
        ? "txt"
        : Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => "jsonl",
            ".csv" or ".tsv" => "csv",
            ".txt" => "txt",
            var ext => throw CliException.Usage($"cannot tell the format of '{Path.GetFileName(path)}' ({ext}): pass --format jsonl|csv|txt"),
        });

    private static async Task<byte[]> ReadKeyAsync(string path, CancellationToken cancellationToken)
    {
        var key = await File.ReadAllBytesAsync(path, cancellationToken);
        return key.Length >= 16 ? key : throw CliException.Usage("--key-file: the key needs at least 16 bytes");
    }
}
