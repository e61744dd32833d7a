using Lightbridge.Core.Model;

namespace Lightbridge.Sync.Pipelines;

/// <summary>What to write to the checkpoint store after a batch.</summary>
/// <param name="Watermark">The watermark to advance to (never earlier than the stored one).</param>
/// <param name="IdsAtWatermark">The settled records whose change time is exactly the watermark.</param>
/// <param name="Advanced">Whether the watermark moves past the stored one.</param>
/// <param name="HeldBy">The earliest change time of a record still pending, which the checkpoint did not pass.</param>
internal sealed record CheckpointUpdate(DateTimeOffset Watermark, IReadOnlyList<LightspeedId> IdsAtWatermark, bool Advanced, DateTimeOffset? HeldBy);
