namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// Ends a run early, as <see cref="State.RunStatus.Paused"/>, because the org's API allowance passed
/// <see cref="SyncOptions.PauseAtApiUsage"/>. Caught by the pipeline that threw it; never reaches callers.
/// </summary>
internal sealed class RunPausedException : Exception
{
    public RunPausedException(double usedShare)
        : base($"The org has used {usedShare:P0} of its daily API allowance.")
    {
        UsedShare = usedShare;
    }

    public RunPausedException()
    {
    }

    public RunPausedException(string message)
        : base(message)
    {
    }

    public RunPausedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The share of the allowance used when the run stopped.</summary>
    public double UsedShare { get; }
}
