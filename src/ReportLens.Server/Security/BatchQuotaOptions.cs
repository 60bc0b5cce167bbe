using System.ComponentModel.DataAnnotations;

namespace ReportLens.Server.Security;

/// <summary>
/// Batch work per user: a rolling hourly budget of job items and a cap on one job's size per role, so a batch
/// cannot walk around RATE_LIMIT_PER_MINUTE (which covers interactive analyses only).
/// </summary>
public sealed class BatchQuotaOptions : IValidatableObject
{
    public const string Section = "Security:Batch";

    /// <summary>BATCH_ITEMS_PER_HOUR: job items one user may create in any 60 minutes (0 = no budget).</summary>
    [Range(0, 10_000_000, ErrorMessage = "BATCH_ITEMS_PER_HOUR must be between 0 and 10000000")]
    public int ItemsPerHour { get; set; } = 20_000;

    /// <summary>BATCH_MAX_ITEMS_RADIOLOGIST: reports one job of a radiologist may take.</summary>
    [Range(1, 10_000_000, ErrorMessage = "BATCH_MAX_ITEMS_RADIOLOGIST must be between 1 and 10000000")]
    public int MaxItemsPerJobRadiologist { get; set; } = 2_000;

    /// <summary>BATCH_MAX_ITEMS_ADMIN: reports one job of an admin may take.</summary>
    [Range(1, 10_000_000, ErrorMessage = "BATCH_MAX_ITEMS_ADMIN must be between 1 and 10000000")]
    public int MaxItemsPerJobAdmin { get; set; } = 20_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A job larger than the hourly budget could never start: refuse the combination at start-up.
        if (ItemsPerHour > 0 && Math.Max(MaxItemsPerJobRadiologist, MaxItemsPerJobAdmin) > ItemsPerHour)
        {
            yield return new ValidationResult(
                $"BATCH_MAX_ITEMS_RADIOLOGIST ({MaxItemsPerJobRadiologist}) and BATCH_MAX_ITEMS_ADMIN ({MaxItemsPerJobAdmin}) must not exceed BATCH_ITEMS_PER_HOUR ({ItemsPerHour})");
        }
    }
}
