using Lightbridge.Core.Model;

namespace Lightbridge.State;

/// <summary>
/// A record in the replay queue: the latest failure of one Lightspeed record, however often it failed.
/// </summary>
/// <param name="AccountId">The Lightspeed account the record belongs to.</param>
/// <param name="Entity">The Lightspeed entity name.</param>
/// <param name="LightspeedId">The record's Lightspeed id.</param>
/// <param name="ErrorCode">The code of the latest failure.</param>
/// <param name="Message">The message of the latest failure.</param>
/// <param name="Field">The field of the latest failure, when known.</param>
/// <param name="PayloadSnapshot">The masked payload of the latest failure.</param>
/// <param name="Attempts">How many times the record failed.</param>
/// <param name="FirstSeen">When it first failed (UTC).</param>
/// <param name="LastSeen">When it last failed or changed status (UTC).</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="RunId">The run of the latest failure.</param>
public sealed record ReplayItem(
    string AccountId,
    string Entity,
    LightspeedId LightspeedId,
    string ErrorCode,
    string Message,
    string? Field,
    string? PayloadSnapshot,
    int Attempts,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    ReplayStatus Status,
    string RunId)
{
    /// <summary>True while the item still waits for a successful replay (<see cref="ReplayStatus.Open"/> or <see cref="ReplayStatus.Retrying"/>).</summary>
    public bool IsPending => Status is ReplayStatus.Open or ReplayStatus.Retrying;
}
