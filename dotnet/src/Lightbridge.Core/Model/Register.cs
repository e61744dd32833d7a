namespace Lightbridge.Core.Model;

/// <summary>A till (register) in a shop. The register count drives the account's API throughput.</summary>
/// <param name="Id">The Lightspeed register id.</param>
/// <param name="ShopId">The shop the register belongs to; null when Lightspeed sends <c>"0"</c>.</param>
/// <param name="Name">The register's name.</param>
/// <param name="Archived">Whether the register is archived.</param>
public sealed record Register(
    LightspeedId Id,
    LightspeedId? ShopId,
    string Name,
    bool Archived);
