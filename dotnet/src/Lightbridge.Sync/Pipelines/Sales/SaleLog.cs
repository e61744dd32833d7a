using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Pipelines.Sales;

/// <summary>The log events of the sale pipeline (event ids 32xx). Events carry ids and counts, never record values.</summary>
internal static partial class SaleLog
{
    [LoggerMessage(EventId = 3201, EventName = "SaleVoidsRead", Level = LogLevel.Information,
        Message = "{VoidCount} sale voids read since {ReadFrom} (null: all); {RefetchCount} voided sales fetched because their updatetime did not move")]
    public static partial void VoidsRead(ILogger logger, int voidCount, DateTimeOffset? readFrom, int refetchCount);

    [LoggerMessage(EventId = 3202, EventName = "SaleChildrenLoaded", Level = LogLevel.Information,
        Message = "Loaded {RecordCount} {ObjectName} records via {LoadPath}: {Failed} failed")]
    public static partial void ChildrenLoaded(ILogger logger, int recordCount, string objectName, Core.Planning.LoadPath loadPath, int failed);

    [LoggerMessage(EventId = 3203, EventName = "SaleHeldForCustomer", Level = LogLevel.Information,
        Message = "{HeldCount} queued sales are retried because their customer was not linked when they were read")]
    public static partial void RetryingHeld(ILogger logger, int heldCount);

    [LoggerMessage(EventId = 3204, EventName = "SaleRollupsRecalculated", Level = LogLevel.Information,
        Message = "Rollups after the sale batch: {ParentsUpdated} parents updated, {ParentsFailed} refused, {Queries} queries")]
    public static partial void RollupsDone(ILogger logger, int parentsUpdated, int parentsFailed, int queries);

    [LoggerMessage(EventId = 3205, EventName = "SaleStaleChildrenDeleted", Level = LogLevel.Information,
        Message = "Deleted {Deleted} {ObjectName} records no longer on their sale in Lightspeed; {Refused} deletes refused")]
    public static partial void StaleChildrenDeleted(ILogger logger, int deleted, string objectName, int refused);

    [LoggerMessage(EventId = 3206, EventName = "SaleRollupsOwed", Level = LogLevel.Debug,
        Message = "Owed the rollups of {Entries} parent relationships to the end of the backfill")]
    public static partial void RollupsOwed(ILogger logger, int entries);
}
