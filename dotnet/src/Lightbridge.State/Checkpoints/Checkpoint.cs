using Lightbridge.Core.Model;

namespace Lightbridge.State;

/// <summary>
/// How far the incremental sync of one entity of one Lightspeed account has safely got.
/// </summary>
/// <param name="AccountId">The Lightspeed account id.</param>
/// <param name="Entity">The Lightspeed entity name, e.g. <c>Sale</c>.</param>
/// <param name="Watermark">The newest change time (UTC) up to which every record is written or queued.</param>
/// <param name="IdsAtWatermark">
/// The ids already handled whose change time equals <see cref="Watermark"/>. Lightspeed timestamps have whole
/// seconds and the next read filters with <c>&gt;=</c>, so records sharing the watermark second are read again;
/// this set lets the sync tell the ones it has done from a late arrival in the same second.
/// </param>
/// <param name="UpdatedAt">When the checkpoint was last written (UTC).</param>
/// <param name="Version">
/// For a source with a change cursor (X-Series <c>version</c>): the newest version up to which every record read is
/// written or queued; reads resume after it. Null for R-Series, which resumes from the watermark.
/// </param>
public sealed record Checkpoint(
    string AccountId,
    string Entity,
    DateTimeOffset Watermark,
    IReadOnlySet<LightspeedId> IdsAtWatermark,
    DateTimeOffset UpdatedAt,
    long? Version = null);
