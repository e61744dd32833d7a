namespace Lightbridge.State;

/// <summary>The last durably handled replay id of one streaming channel.</summary>
/// <param name="Channel">The channel, e.g. <c>/event/Lightspeed_Resync_Request__e</c>.</param>
/// <param name="ReplayId">The replay id of the last event whose effect is stored.</param>
/// <param name="StoredAt">When it was stored (UTC).</param>
public sealed record StoredReplayId(string Channel, long ReplayId, DateTimeOffset StoredAt);
