using Cronos;
using Lightbridge.Core.Failures;
using Microsoft.Extensions.Configuration;

namespace Lightbridge.Cli.Worker;

/// <summary>
/// The <c>Sync:Schedules</c> section: one cron expression per entity, keyed by entity name (<c>Shop</c>,
/// <c>Item</c>, <c>ItemShop</c>, <c>Customer</c>, <c>Sale</c>), evaluated in UTC. Five fields (minute first), or six
/// with seconds first. An empty value turns the entity's schedule off (resync requests still run it).
/// </summary>
internal static class ScheduleSettings
{
    /// <summary>The section, <c>Sync:Schedules</c>.</summary>
    public const string SectionName = "Sync:Schedules";

    /// <summary>The defaults: customers, items and sales every minute, inventory every five minutes, stores hourly.</summary>
    public static readonly IReadOnlyDictionary<SyncEntity, string> Defaults = new Dictionary<SyncEntity, string>
    {
        [SyncEntity.Shop] = "0 * * * *",
        [SyncEntity.Item] = "* * * * *",
        [SyncEntity.ItemShop] = "*/5 * * * *",
        [SyncEntity.Customer] = "* * * * *",
        [SyncEntity.Sale] = "* * * * *",
    };

    /// <summary>Reads the schedules; each problem (unknown entity, bad expression) names its setting.</summary>
    public static IReadOnlyList<EntitySchedule> Read(IConfiguration configuration, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var expressions = Defaults.ToDictionary(d => d.Key, d => (string?)d.Value);
        foreach (var child in configuration.GetSection(SectionName).GetChildren())
        {
            if (!Enum.TryParse<SyncEntity>(child.Key, ignoreCase: true, out var entity) || !Defaults.ContainsKey(entity))
            {
                problems.Add($"{SectionName}:{child.Key}: '{child.Key}' is not a scheduled entity (one of {string.Join(", ", Defaults.Keys)}).");
                continue;
            }

            expressions[entity] = child.Value;
        }

        var schedules = new List<EntitySchedule>();
        foreach (var (entity, expression) in expressions)
        {
            var setting = $"{SectionName}:{entity}";
            if (string.IsNullOrWhiteSpace(expression))
            {
                continue;
            }

            if (TryParse(expression, out var cron, out var error))
            {
                schedules.Add(new EntitySchedule(entity, setting, expression, cron));
            }
            else
            {
                problems.Add($"{setting}: '{expression}' is not a cron expression ({error}).");
            }
        }

        return schedules;
    }

    /// <summary>Parses five fields (minute first) or six (seconds first).</summary>
    public static bool TryParse(string expression, out CronExpression cron, out string error)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            cron = CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            error = string.Empty;
            return true;
        }
        catch (CronFormatException ex)
        {
            cron = null!;
            error = ex.Message;
            return false;
        }
    }
}
