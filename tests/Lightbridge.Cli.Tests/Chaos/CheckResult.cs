namespace Lightbridge.Cli.Tests.Chaos;

/// <summary>What the independent checker found after one round.</summary>
/// <param name="Compared">Lightspeed records the org was compared with.</param>
/// <param name="Lost">Records Lightspeed has and the org lacks (not explained by a genuinely invalid queued record).</param>
/// <param name="Duplicated">Records the org holds more than once under one external id.</param>
/// <param name="FieldsDifferent">Compared fields whose org value differs from Lightspeed's.</param>
/// <param name="Unexpected">Org records with an external id Lightspeed does not account for.</param>
/// <param name="StuckInQueue">Replay-queue items still pending for a reason that is not invalid data.</param>
/// <param name="QueuedInvalid">Replay-queue items pending for invalid data (expected; their records are excused).</param>
/// <param name="Findings">One line per problem, for the report (capped).</param>
internal sealed record CheckResult(
    int Compared,
    int Lost,
    int Duplicated,
    int FieldsDifferent,
    int Unexpected,
    int StuckInQueue,
    int QueuedInvalid,
    IReadOnlyList<string> Findings)
{
    /// <summary>True when the org matches Lightspeed.</summary>
    public bool Clean => Lost == 0 && Duplicated == 0 && FieldsDifferent == 0 && Unexpected == 0 && StuckInQueue == 0;
}
