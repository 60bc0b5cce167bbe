using System.Text;

namespace ReportLens.Core.Interop;

/// <summary>Reads a folder of .txt files, one report each; the file name (without .txt) is the accession number.</summary>
public static class TextFolderReader
{
    public static async IAsyncEnumerable<ImportRow> ReadAsync(
        string folder, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var text = await TryReadUtf8Async(file, cancellationToken);
            if (text is null)
            {
                yield return ImportRow.Bad(name, "not UTF-8 text");
                continue;
            }

            var report = new ImportedReport { Text = text.Trim(), AccessionNumber = Path.GetFileNameWithoutExtension(file) };
            yield return ReportValidation.Check(report) is { } error ? ImportRow.Bad(name, error) : ImportRow.Ok(name, report);
        }
    }

    private static async Task<string?> TryReadUtf8Async(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file, new UTF8Encoding(false, true), cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
