using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// What the demo collected, as it came: the engine's results, the state, the clients' statistics and the emulators' counts;
/// <see cref="RunSeconds"/> is each run's duration from the run log, by run id.
/// </summary>
internal sealed record DemoFigures(
    SeededOrg Planted,
    IReadOnlyList<SyncRunResult> Full,
    LiveChangeSet Changes,
    ResyncOutcome? Resync,
    IReadOnlyList<SyncRunResult> Incremental,
    IReadOnlyList<ReplayItem> Queue,
    LightspeedClientStatistics LightspeedClient,
    SalesforceClientStatistics SalesforceClient,
    LightspeedServerCounters LightspeedServer,
    SortedDictionary<string, long> SalesforceCountersBefore,
    SortedDictionary<string, long> SalesforceCountersAfter,
    SortedDictionary<string, long> OrgBefore,
    SortedDictionary<string, long> OrgAfter,
    SortedDictionary<string, long> LightspeedCounts,
    IReadOnlyDictionary<string, double> RunSeconds);
