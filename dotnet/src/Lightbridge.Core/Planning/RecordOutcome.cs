using Lightbridge.Core.Model;

namespace Lightbridge.Core.Planning;

/// <summary>One record of a run with its change instant and where it stands.</summary>
/// <param name="Id">The record's Lightspeed id.</param>
/// <param name="ChangedAt">Its change instant (the cursor field the extract filters on), UTC.</param>
/// <param name="Disposition">Written, queued or pending.</param>
public sealed record RecordOutcome(LightspeedId Id, DateTimeOffset ChangedAt, RecordDisposition Disposition)
{
    /// <summary>Whether the record no longer holds the checkpoint back.</summary>
    public bool IsSettled => Disposition is RecordDisposition.Written or RecordDisposition.Queued;
}
