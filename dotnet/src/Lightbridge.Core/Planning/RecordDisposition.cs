namespace Lightbridge.Core.Planning;

/// <summary>Where a record read in a run stands when the checkpoint is computed.</summary>
public enum RecordDisposition
{
    /// <summary>Written to Salesforce.</summary>
    Written = 0,

    /// <summary>Failed and put in the replay queue: done as far as the checkpoint is concerned.</summary>
    Queued,

    /// <summary>Neither written nor queued yet (a transient failure still retrying, a paused load): the checkpoint must not pass it.</summary>
    Pending,
}
