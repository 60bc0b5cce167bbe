using System.Text.Json;

namespace ReportLens.Testing;

/// <summary>One call a <see cref="WebhookReceiver"/> got: its hook, headers, whether the signature held, the body and the answer given.</summary>
public sealed record WebhookCall(string Hook, string Event, string Delivery, bool SignatureValid, string Body, JsonElement Json, int Answered);
