using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Matching;

/// <summary>Customers of one batch that are the same shopper and must become one Salesforce record.</summary>
/// <param name="Primary">The customer whose data is written (the newest version of the earliest-created customer).</param>
/// <param name="Duplicates">The other Lightspeed customers of the group; they resolve to the primary's record, never a second create.</param>
public sealed record CustomerGroup(NormalizedCustomer Primary, IReadOnlyList<NormalizedCustomer> Duplicates);
