using ReportLens.OllamaEmulator.Faults;
using ReportLens.OllamaEmulator.Hosting;
using ReportLens.OllamaEmulator.Scheduling;
using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>One inference: fault gates, a slot, the model load, the modelled delay, the reply in the API's shape.</summary>
internal sealed class InferenceRunner(EmulatorRuntime runtime, IHostApplicationLifetime lifetime)
{
    /// <summary>Serves an Ollama request (/api/chat, /api/generate).</summary>
    public Task RunAsync(HttpContext context, InferenceRequest request) => RunAsync(context, request, new OllamaReplyWriter(request, runtime.Time));

    public async Task RunAsync(HttpContext context, InferenceRequest request, IReplyWriter writer)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = linked.Token;
        var started = runtime.Time.GetTimestamp();
        runtime.Stats.RequestReceived(request.Model);
        if (runtime.Options.RecordMessages)
        {
            foreach (var message in request.Messages)
            {
                runtime.ReceivedMessages.Enqueue(message.Content ?? "");
            }
        }

        var plan = runtime.Faults.Plan(request.Messages.Select(m => m.Content ?? ""));
        if (!plan.IsEmpty)
        {
            runtime.Stats.FaultInjected();
        }
        var model = plan.UnknownModel ? null : runtime.Models.Find(request.Model);
        if (model is null)
        {
            runtime.Stats.RequestFailed();
            await writer.WriteErrorAsync(context, StatusCodes.Status404NotFound, OllamaResults.ModelNotFound(request.Model), ct);
            return;
        }
        if (plan.Busy)
        {
            await RejectBusyAsync(context, writer, ct);
            return;
        }
        if (plan.Http500)
        {
            runtime.Stats.RequestFailed();
            await writer.WriteErrorAsync(context, StatusCodes.Status500InternalServerError,
                "llama runner process has terminated: exit status 2 (emulator fault http500)", ct);
            return;
        }
        try
        {
            using var slot = await runtime.Slots.AcquireAsync(ct);
            if (slot is null)
            {
                await RejectBusyAsync(context, writer, ct);
                return;
            }
            var loadTime = await runtime.Models.AcquireAsync(model, ct);
            try
            {
                await ServeAsync(context, request, writer, model, plan, loadTime, started, ct);
            }
            finally
            {
                runtime.Models.Release(model, request.KeepAlive);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client gave up (or the emulator is stopping); the slot is already free.
            runtime.Stats.RequestFailed();
        }
    }

    private async Task ServeAsync(
        HttpContext context, InferenceRequest request, IReplyWriter writer, ModelInfo model, FaultPlan plan, TimeSpan loadTime, long started, CancellationToken ct)
    {
        if (request.IsLoadOnly)
        {
            await writer.WriteLoadedAsync(context, request.KeepAlive == TimeSpan.Zero, ct);
            runtime.Stats.RequestCompleted(0, 0);
            return;
        }
        if (plan.DelayMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(plan.DelayMs), runtime.Time, ct);
        }
        if (plan.Timeout)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, runtime.Time, ct);
        }
        var full = CompletionTiming.For(request, "", runtime.Options).PromptTokens;
        var (input, promptTokens) = ContextWindow.Fit(request.ToInput(), full, ContextWindow.NumCtx(request.Options, runtime.Options));
        var reply = ThinkingReply.For(request, model, plan, runtime.Generator.Generate(input, plan));
        var content = reply.Content;
        var timing = CompletionTiming.For(request, content + reply.Thinking, runtime.Options) with { PromptTokens = promptTokens };
        var logprobs = request.Logprobs ? EmulatorLogprobs.For(content, plan.UnsureWords) : null;
        if (request.Stream)
        {
            var streamer = new CompletionStreamer(runtime.Time, writer);
            if (!await streamer.StreamAsync(context, content, timing, plan, reply.Thinking, logprobs, ct))
            {
                runtime.Stats.RequestFailed();
                return;
            }
        }
        else
        {
            if (plan.DropStream)
            {
                runtime.Stats.RequestFailed();
                context.Abort();
                return;
            }
            if (plan.StreamError)
            {
                runtime.Stats.RequestFailed();
                await writer.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, CompletionStreamer.StreamErrorMessage, ct);
                return;
            }
            await Task.Delay(timing.PromptTime + timing.EvalTime, runtime.Time, ct);
        }
        await writer.WriteDoneAsync(context, new ReplyDone(request.Stream, content, reply.Thinking, timing, loadTime, runtime.Time.GetElapsedTime(started), logprobs), ct);
        runtime.Stats.RequestCompleted(timing.PromptTokens, timing.EvalTokens);
    }

    private async Task RejectBusyAsync(HttpContext context, IReplyWriter writer, CancellationToken ct)
    {
        runtime.Stats.BusyRejected();
        runtime.Stats.RequestFailed();
        await writer.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, OllamaResults.Busy, ct);
    }
}
