namespace Lightbridge.Core.Model;

/// <summary>One price level of an item (Lightspeed <c>Prices.ItemPrice</c>).</summary>
/// <param name="UseType">The price level's name, e.g. <c>Default</c>, <c>MSRP</c>, <c>Online</c>.</param>
/// <param name="UseTypeId">The price level's id, or null when absent.</param>
/// <param name="Amount">The price, in the account's currency.</param>
public sealed record ItemPrice(string UseType, LightspeedId? UseTypeId, decimal Amount);
