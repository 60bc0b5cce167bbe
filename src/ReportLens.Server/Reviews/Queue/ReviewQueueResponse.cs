using ReportLens.Application.Reviews;
namespace ReportLens.Server.Reviews.Queue;

/// <summary>A review queue's progress (annotations with every item decided / still to review) and one page of its entries, most needed first.</summary>
public sealed record ReviewQueueResponse(int Reviewed, int ToReview, IReadOnlyList<ReviewQueueEntry> Items);
