using Cronos;
using Lightbridge.Core.Failures;

namespace Lightbridge.Cli.Worker;

/// <summary>When one entity runs: its cron expression, parsed, and the setting it came from.</summary>
/// <param name="Entity">The entity.</param>
/// <param name="Setting">The setting, e.g. <c>Sync:Schedules:Item</c> (named in errors and logs).</param>
/// <param name="Expression">The expression as configured.</param>
/// <param name="Cron">The parsed expression (five fields, or six with seconds first).</param>
internal sealed record EntitySchedule(SyncEntity Entity, string Setting, string Expression, CronExpression Cron)
{
    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC), or null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => Cron.GetNextOccurrence(after, TimeZoneInfo.Utc);
}
