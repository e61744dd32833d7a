using Microsoft.Extensions.Logging;

namespace Lightbridge.Sync.Rollups;

/// <summary>The log events of the rollups (event ids 33xx). Events carry object names, counts and rollup names, never values.</summary>
internal static partial class RollupLog
{
    [LoggerMessage(EventId = 3301, EventName = "RollupDefinitionSkipped", Level = LogLevel.Warning,
        Message = "A rollup is skipped: {Problem}")]
    public static partial void DefinitionSkipped(ILogger logger, string problem);

    [LoggerMessage(EventId = 3302, EventName = "RollupsLoaded", Level = LogLevel.Information,
        Message = "{Count} rollups read from Lightspeed_Rollup__mdt")]
    public static partial void DefinitionsLoaded(ILogger logger, int count);

    [LoggerMessage(EventId = 3303, EventName = "RollupsRecalculated", Level = LogLevel.Information,
        Message = "Rollups recalculated for {ParentCount} {ParentObject} records with {QueryCount} aggregate queries: {Failed} updates failed")]
    public static partial void Recalculated(ILogger logger, int parentCount, string parentObject, int queryCount, int failed);

    [LoggerMessage(EventId = 3304, EventName = "RollupUpdateFailed", Level = LogLevel.Warning,
        Message = "Rollup update of {ParentObject} {ParentId} failed with {ErrorCode}; the next batch that touches it recomputes it")]
    public static partial void UpdateFailed(ILogger logger, string parentObject, string parentId, string errorCode);
}
