namespace Lightbridge.Core.Planning;

/// <summary>What <see cref="CheckpointAdvancer.Advance"/> decided.</summary>
/// <param name="Watermark">The checkpoint to store (never earlier than the old one); null when there was none and nothing settled.</param>
/// <param name="Advanced">Whether it moved past the old watermark.</param>
/// <param name="HeldBy">The earliest change instant of a pending record, which the checkpoint did not pass; null when none.</param>
public sealed record CheckpointDecision(DateTimeOffset? Watermark, bool Advanced, DateTimeOffset? HeldBy);
