using Lightbridge.Core.Reconciliation;

namespace Lightbridge.Sync.GoLive;

/// <summary>What one Lightspeed customer would become in Salesforce: one line of the match report's CSV.</summary>
/// <param name="LightspeedId">The customer's Lightspeed id.</param>
/// <param name="ExternalId">Its <c>Lightspeed_Customer_Id__c</c>.</param>
/// <param name="Email">Its primary email, masked (<c>j***@example.com</c>); null when it has none.</param>
/// <param name="Phone">Its first phone, masked to the last digits; null when it has none.</param>
/// <param name="Outcome">Matched, created as Contact or Lead, ambiguous, invalid, or matched to a record now missing.</param>
/// <param name="Rule">For a match or an ambiguous match, the rule that found the records; for an invalid customer, the rule it broke.</param>
/// <param name="Write">The write the sync would make for the customer's group: Create, Update, Unchanged or None.</param>
/// <param name="TargetObject">Contact or Lead, when a record is matched or created.</param>
/// <param name="TargetId">The matched record's id; <c>new</c> for a create, or <c>new (customer N)</c> for a record an earlier batch creates.</param>
/// <param name="Candidates">For an ambiguous match, the records found.</param>
/// <param name="CollapsedWith">For a duplicate collapsed into another customer of its batch, that customer's Lightspeed id.</param>
/// <param name="Detail">Why, in words, for invalid, ambiguous and missing outcomes.</param>
public sealed record MatchReportRow(
    string LightspeedId,
    string ExternalId,
    string? Email,
    string? Phone,
    CustomerOutcome Outcome,
    string? Rule,
    string Write,
    string? TargetObject,
    string? TargetId,
    IReadOnlyList<string> Candidates,
    string? CollapsedWith,
    string? Detail);
