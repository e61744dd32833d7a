namespace Lightbridge.Emulators.XSeries.Control;

/// <summary>Body of <c>POST /_control/seed</c>; omitted members keep their current value.</summary>
internal sealed record SeedRequest(int? Seed, int? Outlets, int? RegistersPerOutlet, int? Customers, int? Products, int? Sales, int? HistoryDays);

/// <summary>
/// Body of <c>POST /_control/mutate</c>: <c>action</c> is createSale, voidSale, updateCustomer, updateProduct,
/// setInventory, deleteCustomer or deleteProduct, with the ids it needs.
/// </summary>
internal sealed record MutateRequest(string? Action, string? SaleId, string? CustomerId, string? ProductId, string? OutletId, int? Level);

/// <summary>Body of <c>POST /_control/faults</c>: rates 0–1, latency in milliseconds.</summary>
internal sealed record FaultsRequest(double? ServerErrorRate, double? ThrottleRate, int? LatencyMs, double? DroppedConnectionRate);

/// <summary>Body of <c>POST /_control/webhooks</c>.</summary>
internal sealed record WebhookRequest(string? Type, string? Url);

/// <summary>Body of <c>POST /_control/webhooks/drop-rate</c>.</summary>
internal sealed record DropRateRequest(double? Rate);
