using OllamaSharp;
using OllamaSharp.Models;
using ReportLens.Cli.Infrastructure;
using Spectre.Console;

namespace ReportLens.Cli.Models;

/// <summary>Shows Ollama's streamed pull status as Spectre progress bars on stderr, one per layer digest.</summary>
public static class PullProgress
{
    /// <summary>Returns the last status Ollama sent ("success" when the pull finished).</summary>
    public static async Task<string> RunAsync(CliContext context, OllamaApiClient client, string model, CancellationToken cancellationToken)
    {
        var last = "";
        await context.Status.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                await foreach (var update in client.PullModelAsync(new PullModelRequest { Model = model }, cancellationToken))
                {
                    if (update is null)
                    {
                        continue;
                    }

                    last = update.Status ?? last;
                    var key = string.IsNullOrEmpty(update.Digest) ? update.Status ?? "" : update.Digest;
                    if (!tasks.TryGetValue(key, out var task))
                    {
                        var label = string.IsNullOrEmpty(update.Digest) ? update.Status ?? "" : $"pulling {update.Digest[..Math.Min(19, update.Digest.Length)]}";
                        task = progress.AddTask(Markup.Escape(label), maxValue: Math.Max(1, update.Total));
                        tasks[key] = task;
                    }

                    if (update.Total > 0)
                    {
                        task.MaxValue = update.Total;
                        task.Value = update.Completed;
                    }
                    else
                    {
                        task.Value = task.MaxValue;
                    }
                }

                foreach (var task in tasks.Values)
                {
                    task.StopTask();
                }
            });
        return last;
    }
}
