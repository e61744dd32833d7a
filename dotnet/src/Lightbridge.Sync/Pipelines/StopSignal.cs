namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// A request to end runs at the next batch boundary: the batch in hand finishes and commits its checkpoint, no further
/// batch is read. What a worker asks for when it is told to stop, so a shutdown loses no work done.
/// </summary>
internal sealed class StopSignal
{
    private volatile bool _requested;

    /// <summary>Whether a stop was requested.</summary>
    public bool Requested => _requested;

    /// <summary>Asks every run in progress (and any later one) to stop after its batch in hand.</summary>
    public void Request() => _requested = true;
}
