namespace Lightbridge.State;

/// <summary>What started a run; the same values as <c>Lightspeed_Sync_Run__c.Trigger__c</c>.</summary>
public enum RunTrigger
{
    /// <summary>The cron schedule of <c>run</c>.</summary>
    Schedule,

    /// <summary>A resync request from the platform event.</summary>
    Resync,

    /// <summary>The <c>backfill</c> verb.</summary>
    Backfill,

    /// <summary>The <c>replay</c> verb.</summary>
    Replay,

    /// <summary>The <c>sync</c> verb.</summary>
    Manual,

    /// <summary>The <c>reconcile --heal</c> verb.</summary>
    Reconcile,

    /// <summary>A change notice from the source (an X-Series webhook) received by <c>run</c>.</summary>
    Webhook,
}
