namespace Lightbridge.Sync.Rollups;

/// <summary>The aggregate a <c>Lightspeed_Rollup__mdt</c> record asks for (<c>Operation__c</c>).</summary>
internal enum RollupOperation
{
    /// <summary>The sum of the child field; 0 for a parent with no matching children.</summary>
    Sum = 0,

    /// <summary>The number of matching children; 0 when there are none.</summary>
    Count,

    /// <summary>The largest child value; empty when there are no matching children.</summary>
    Max,

    /// <summary>The smallest child value; empty when there are no matching children.</summary>
    Min,
}
