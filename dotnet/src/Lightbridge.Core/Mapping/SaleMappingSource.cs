using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Mapping;

/// <summary>What the sale mapping reads: the sale and where its customer lives in Salesforce.</summary>
/// <param name="Sale">The normalized sale.</param>
/// <param name="Customer">The customer's record, or null for a walk-in or a customer not resolved yet.</param>
public sealed record SaleMappingSource(NormalizedSale Sale, CustomerLink? Customer);
