using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Sync.Pipelines.Customers;

/// <summary>A customer of the batch that passed normalization and validation.</summary>
/// <param name="Source">The customer as read.</param>
/// <param name="ChangedAt">Its <c>timeStamp</c>, the instant the checkpoint counts.</param>
/// <param name="Normalized">The normalized customer.</param>
internal sealed record PreparedCustomer(Customer Source, DateTimeOffset ChangedAt, NormalizedCustomer Normalized);
