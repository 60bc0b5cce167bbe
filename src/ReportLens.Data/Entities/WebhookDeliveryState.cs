namespace ReportLens.Data.Entities;

/// <summary>The states of a <see cref="WebhookDelivery"/>.</summary>
public static class WebhookDeliveryState
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    /// <summary>Every attempt failed: left for an operator (the attempts say why).</summary>
    public const string Failed = "failed";
}
