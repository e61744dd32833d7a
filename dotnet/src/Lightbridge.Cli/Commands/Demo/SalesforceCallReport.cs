namespace Lightbridge.Cli.Commands.Demo;

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
