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
