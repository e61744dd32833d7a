namespace Lightbridge.Core.Planning;

/// <summary>
/// Chooses Collections or Bulk for a batch (DESIGN.md, "Data flow", step 5): under <c>Sync:BulkThreshold</c> records
/// through sObject Collections, at or above it, and always for a backfill, through Bulk API 2.0, whose jobs cost a few
/// calls whatever their size but take longer to finish.
/// </summary>
public sealed class LoadPathPlanner
{
    /// <summary>The default <c>Sync:BulkThreshold</c>, 2,000 records.</summary>
    public const int DefaultBulkThreshold = 2_000;

    /// <summary>The most records one Collections call takes (shared/reference/salesforce-api.md §2.4).</summary>
    public const int CollectionsBatchSize = 200;

    /// <summary>The calls of one Bulk job at the least: create, upload, close, poll, results.</summary>
    public const int BulkJobCalls = 5;

    /// <summary>Creates a planner with a threshold of <paramref name="bulkThreshold"/> records.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not positive.</exception>
    public LoadPathPlanner(int bulkThreshold = DefaultBulkThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bulkThreshold);
        BulkThreshold = bulkThreshold;
    }

    /// <summary>The batch size from which Bulk is used.</summary>
    public int BulkThreshold { get; }

    /// <summary>Plans the load of <paramref name="recordCount"/> records.</summary>
    /// <param name="recordCount">The records to load.</param>
    /// <param name="isBackfill">Whether the load is a backfill, which always goes through Bulk.</param>
    public LoadPlan Plan(int recordCount, bool isBackfill = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recordCount);
        if (recordCount == 0)
        {
            return new LoadPlan(LoadPath.Collections, 0, 0);
        }

        return isBackfill || recordCount >= BulkThreshold
            ? new LoadPlan(LoadPath.Bulk, recordCount, BulkJobCalls)
            : new LoadPlan(LoadPath.Collections, recordCount, (recordCount + CollectionsBatchSize - 1) / CollectionsBatchSize);
    }
}
