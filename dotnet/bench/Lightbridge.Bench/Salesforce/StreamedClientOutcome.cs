namespace Lightbridge.Bench.Salesforce;

/// <summary>What the streamed client process measured: time, results, and its peaks at the checkpoint and at the end.</summary>
internal sealed record StreamedClientOutcome(
    int Rows,
    double Seconds,
    int Jobs,
    int Succeeded,
    int Failed,
    int Checkpoint,
    long BaselineWorkingSet,
    long CheckpointPeakWorkingSet,
    long PeakWorkingSet,
    long BaselineManaged,
    long CheckpointPeakManaged,
    long PeakManaged,
    long LiveManagedAfter);
