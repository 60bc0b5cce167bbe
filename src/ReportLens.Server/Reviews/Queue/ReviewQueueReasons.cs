using ReportLens.Application.Reviews;
namespace ReportLens.Server.Reviews.Queue;

/// <summary>Why an annotation needs a human, in the order the queue serves them.</summary>
public static class ReviewQueueReasons
{
    public const string LowConfidence = "low_confidence";
    public const string Disagreement = "disagreement";
    public const string Critical = "critical";

    /// <summary>Below this confidence an annotation is served first, lowest first.</summary>
    public const double LowConfidenceBelow = 0.5;

    public static readonly IReadOnlyList<string> Order = [LowConfidence, Disagreement, Critical];

    /// <summary>The queue's tier of an entry: the first reason it has in <see cref="Order"/>, the rest last.</summary>
    public static int Tier(IReadOnlyList<string> reasons)
    {
        for (var i = 0; i < Order.Count; i++)
        {
            if (reasons.Contains(Order[i]))
            {
                return i;
            }
        }

        return Order.Count;
    }
}
