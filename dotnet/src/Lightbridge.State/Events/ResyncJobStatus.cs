namespace Lightbridge.State;

/// <summary>Where a resync job is in its life.</summary>
public enum ResyncJobStatus
{
    /// <summary>Waiting to run.</summary>
    Queued,

    /// <summary>Taken by the worker; put back to <see cref="Queued"/> at start-up if the process died meanwhile.</summary>
    Running,

    /// <summary>Ran to the end.</summary>
    Done,

    /// <summary>Gave up, with an error.</summary>
    Failed,
}
