namespace Lightbridge.Emulators.Lightspeed.Control;

/// <summary>Body of <c>POST /__emulator/mutate</c>: <c>action</c> is editCustomer, addSale, voidSale or changeStock.</summary>
internal sealed record MutateRequest(string? Action, int? CustomerId, int? SaleId, int? ItemId, int? ShopId, int? Delta);
