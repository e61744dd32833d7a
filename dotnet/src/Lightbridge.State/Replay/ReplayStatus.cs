namespace Lightbridge.State;

/// <summary>
/// The life of a replay-queue item; the same values as <c>Lightspeed_Sync_Error__c.Status__c</c>.
/// </summary>
public enum ReplayStatus
{
    /// <summary>Failed and waiting for a replay.</summary>
    Open,

    /// <summary>Picked up by a replay that has not finished yet.</summary>
    Retrying,

    /// <summary>A later attempt succeeded.</summary>
    Resolved,

    /// <summary>An operator decided not to replay it; a new failure of the record keeps it ignored.</summary>
    Ignored,
}
