namespace Lightbridge.Emulators.Lightspeed.Control;

/// <summary>
/// Body of <c>POST /__emulator/mutate</c>: <c>action</c> is editCustomer, addSale, voidSale, changeStock,
/// removeSaleLine, moveSale or setRaw (<c>field</c> and <c>value</c>; a null value restores the real one).
/// </summary>
internal sealed record MutateRequest(
    string? Action, int? CustomerId, int? SaleId, int? ItemId, int? ShopId, int? Delta, int? SaleLineId = null, string? Field = null, string? Value = null);
