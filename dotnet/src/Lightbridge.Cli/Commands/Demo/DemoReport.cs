using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>Everything the demo did and measured; written as <c>report.json</c> and <c>report.md</c>.</summary>
/// <param name="Size">The generated account's size and seed.</param>
/// <param name="SeededOrg">What the org held before the first sync.</param>
/// <param name="Passes">The full pass, then the incremental one, entity by entity.</param>
/// <param name="LiveChanges">What changed in Lightspeed between them.</param>
/// <param name="Resync">The resync request and what the worker did with it; null when there was nothing to resync.</param>
/// <param name="Matches">How customers were matched, per pass and in all.</param>
/// <param name="Errors">The replay queue at the end, by entity and error code.</param>
/// <param name="ApiCalls">API calls on each side, as the clients and as the emulators counted them.</param>
/// <param name="Org">Records per object in the org before and after, and the DML the org counted.</param>
/// <param name="LightspeedCounts">Records per entity in the Lightspeed account at the end.</param>
/// <param name="Phases">How long each phase took.</param>
/// <param name="TotalSeconds">How long the whole demo took, emulator start-up included.</param>
internal sealed record DemoReport(
    DemoSize Size,
    SeededOrg SeededOrg,
    IReadOnlyList<PassReport> Passes,
    LiveChangeSet LiveChanges,
    ResyncOutcome? Resync,
    MatchReport Matches,
    IReadOnlyList<QueuedError> Errors,
    ApiCallReport ApiCalls,
    OrgReport Org,
    SortedDictionary<string, long> LightspeedCounts,
    IReadOnlyList<PhaseTime> Phases,
    double TotalSeconds);

/// <summary>The generated account.</summary>
internal sealed record DemoSize(int Shops, int Customers, int Items, int Sales, int Seed);

/// <summary>One pass of every entity.</summary>
/// <param name="Name">full or incremental.</param>
/// <param name="Runs">One run per entity, in dependency order.</param>
internal sealed record PassReport(string Name, IReadOnlyList<EntityRun> Runs);

/// <summary>One run of one entity, as the engine returned it.</summary>
internal sealed record EntityRun(
    string Entity, string Status, int Read, int Skipped, int Created, int Updated, int Failed, int LightspeedRequests, int SalesforceCalls);

/// <summary>Customer matches per pass.</summary>
internal sealed record MatchReport(CustomerMatchCounts Full, CustomerMatchCounts Incremental, CustomerMatchCounts Total);

/// <summary>Records waiting in the replay queue with one error code.</summary>
/// <param name="Entity">The Lightspeed entity.</param>
/// <param name="Code">The error code (see the operator runbook).</param>
/// <param name="Count">Records queued with it.</param>
/// <param name="Example">One of their messages (no personal data: ids and rules only).</param>
internal sealed record QueuedError(string Entity, string Code, int Count, string Example);

/// <summary>API calls on each side.</summary>
internal sealed record ApiCallReport(LightspeedCallReport Lightspeed, SalesforceCallReport Salesforce);

/// <summary>Lightspeed requests as the worker's client counted them, and as the emulator did.</summary>
internal sealed record LightspeedCallReport(long ClientRequests, long ClientTokenRefreshes, long ClientRateLimited, double ClientThrottleWaitSeconds, LightspeedServerCounters Emulator);

/// <summary>Salesforce API calls as the worker's client counted them, the demo's own, and the org's count of both.</summary>
/// <param name="WorkerCalls">Calls of the worker's client.</param>
/// <param name="WorkerCallsByKind">The same by kind.</param>
/// <param name="WorkerTokenRequests">Logins and refreshes of the worker's client (not API calls).</param>
/// <param name="DemoCalls">Calls the demo itself made (publishing the resync request).</param>
/// <param name="EmulatorCalls">API calls the org counted from the first sync to the end.</param>
/// <param name="EmulatorCallsByKind">The org's counters over the same span (call kinds, DML per object, logins).</param>
internal sealed record SalesforceCallReport(
    long WorkerCalls,
    SortedDictionary<string, long> WorkerCallsByKind,
    long WorkerTokenRequests,
    long DemoCalls,
    long EmulatorCalls,
    SortedDictionary<string, long> EmulatorCallsByKind);

/// <summary>The org before and after.</summary>
/// <param name="Before">Records per object before the first sync.</param>
/// <param name="After">Records per object at the end.</param>
/// <param name="Inserted">Records the org inserted from the first sync on, per object (its own DML counter).</param>
/// <param name="Updated">Record updates the org counted from the first sync on, per object.</param>
/// <param name="DeletedByDemo">Records the demo deleted as an admin would (the record later resynced).</param>
internal sealed record OrgReport(
    SortedDictionary<string, long> Before,
    SortedDictionary<string, long> After,
    SortedDictionary<string, long> Inserted,
    SortedDictionary<string, long> Updated,
    SortedDictionary<string, long> DeletedByDemo);
