using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Sync.Pipelines;

/// <content>The customer pipeline's match counts, beside the counts every run has.</content>
public sealed partial record SyncRunResult
{
    /// <summary>For a customer run, how its customers were matched; null for the other entities.</summary>
    public CustomerMatchCounts? Matches { get; init; }
}
