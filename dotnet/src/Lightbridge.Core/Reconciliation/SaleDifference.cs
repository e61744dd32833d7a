namespace Lightbridge.Core.Reconciliation;

/// <summary>One sale that differs between the two systems.</summary>
/// <param name="Kind">Missing, extra or different.</param>
/// <param name="ExternalId">The sale's <c>Lightspeed_Sale_Id__c</c>.</param>
/// <param name="Lightspeed">The Lightspeed side; null when extra in Salesforce.</param>
/// <param name="Salesforce">The Salesforce side; null when missing there.</param>
/// <param name="Detail">What differs, in words (amounts and flags only, never personal data).</param>
public sealed record SaleDifference(SaleDifferenceKind Kind, string ExternalId, SaleFigures? Lightspeed, SaleFigures? Salesforce, string Detail)
{
    /// <summary>The prefix of every reconciliation <c>Error_Key__c</c>, apart from the sync's own <c>Sale:</c> keys.</summary>
    public const string ErrorKeyPrefix = "Reconcile:Sale:";

    /// <summary>
    /// The <c>Lightspeed_Sync_Error__c.Error_Key__c</c> of this difference: stable per sale, so a second reconcile updates
    /// the same error rather than adding one, and distinct from the key a sync failure of the same sale uses.
    /// </summary>
    public string ErrorKey => ErrorKeyPrefix + ExternalId;

    /// <summary>The store the difference belongs to.</summary>
    public string Store => (Lightspeed ?? Salesforce)!.StoreLabel;
}
