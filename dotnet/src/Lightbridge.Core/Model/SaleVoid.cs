namespace Lightbridge.Core.Model;

/// <summary>
/// The record of a voided sale (Lightspeed <c>SaleVoid</c>). Polling it catches voids that did not
/// move the sale's <c>timeStamp</c> (shared/reference/lightspeed-api.md §9.7).
/// </summary>
/// <param name="Id">The Lightspeed saleVoid id.</param>
/// <param name="SaleId">The sale voided.</param>
/// <param name="ShopId">The shop, or null.</param>
/// <param name="EmployeeId">The employee who voided it, or null.</param>
/// <param name="Reason">The reason typed, or null.</param>
/// <param name="CreatedAt">When the void happened, UTC.</param>
public sealed record SaleVoid(
    LightspeedId Id,
    LightspeedId SaleId,
    LightspeedId? ShopId,
    LightspeedId? EmployeeId,
    string? Reason,
    DateTimeOffset? CreatedAt);
