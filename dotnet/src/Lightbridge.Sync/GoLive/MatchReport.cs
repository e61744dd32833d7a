using Lightbridge.Core.Reconciliation;

namespace Lightbridge.Sync.GoLive;

/// <summary>The result of <c>lightbridge match-report</c>: a row per customer, the counts, and the org's duplicate clusters.</summary>
/// <param name="Rows">One row per Lightspeed customer, in the order a first sync reads them.</param>
/// <param name="Tally">Customers per outcome and rule, and the writes the sync would make.</param>
/// <param name="Clusters">Contacts and Leads sharing a normalized email or phone, to merge before go-live.</param>
/// <param name="IndexedRecords">The Contacts and Leads the identity index was built from.</param>
/// <param name="GeneratedAt">When the report was made.</param>
public sealed record MatchReport(
    IReadOnlyList<MatchReportRow> Rows,
    MatchTally Tally,
    IReadOnlyList<DuplicateCluster> Clusters,
    int IndexedRecords,
    DateTimeOffset GeneratedAt);
