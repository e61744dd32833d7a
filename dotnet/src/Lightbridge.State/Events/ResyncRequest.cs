using Lightbridge.Core.Model;

namespace Lightbridge.State;

/// <summary>What to resync: the fields of a <c>Lightspeed_Resync_Request__e</c> event, or of an operator's request.</summary>
/// <param name="Scope">The entity (or all of them).</param>
/// <param name="LightspeedId">One record to resync, or null for a date range or everything in scope.</param>
/// <param name="From">The start of the date range (UTC), or null.</param>
/// <param name="To">The end of the date range (UTC), or null.</param>
/// <param name="Reason">Why it was asked for, as the user wrote it.</param>
public sealed record ResyncRequest(ResyncScope Scope, LightspeedId? LightspeedId, DateTimeOffset? From, DateTimeOffset? To, string? Reason);
