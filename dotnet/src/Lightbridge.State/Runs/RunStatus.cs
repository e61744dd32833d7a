namespace Lightbridge.State;

/// <summary>How a run ended; the same values as <c>Lightspeed_Sync_Run__c.Status__c</c>.</summary>
public enum RunStatus
{
    /// <summary>Started and not finished (or the process died during it).</summary>
    Running,

    /// <summary>Every record was written.</summary>
    Succeeded,

    /// <summary>Finished, with record-level failures queued for replay.</summary>
    PartiallyFailed,

    /// <summary>The run could not go on.</summary>
    Failed,

    /// <summary>
    /// Stopped early because the org's daily API allowance passed the configured share; its checkpoint holds at the last
    /// committed batch and the next run resumes from there.
    /// </summary>
    Paused,
}
