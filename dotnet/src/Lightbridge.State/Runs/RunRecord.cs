namespace Lightbridge.State;

/// <summary>One run of one entity, as kept in the local run log.</summary>
/// <param name="RunId">The run id (also <c>Lightspeed_Sync_Run__c.Run_Id__c</c>).</param>
/// <param name="Trigger">What started it.</param>
/// <param name="Entity">The Lightspeed entity name.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="FinishedAt">When it finished (UTC), null while running.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Counts">Its counts, zero until it finishes.</param>
public sealed record RunRecord(
    string RunId,
    RunTrigger Trigger,
    string Entity,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RunStatus Status,
    RunCounts Counts);
