using Lightbridge.Core.Model;

namespace Lightbridge.Core.Failures;

/// <summary>
/// A record-level failure as a value, not an exception (STYLE G10): it goes to the replay queue and to
/// <c>Lightspeed_Sync_Error__c</c>, and never stops the batch.
/// </summary>
/// <param name="Entity">The kind of record.</param>
/// <param name="LightspeedId">The record's Lightspeed id.</param>
/// <param name="Field">The canonical field at fault (e.g. <c>ShopId</c>), or <c>*</c> for the record as a whole.</param>
/// <param name="Rule">The rule broken, a stable name such as <c>SaleNeedsShop</c> (used as <c>Error_Code__c</c>).</param>
/// <param name="Message">A sentence naming the record; never personal data.</param>
/// <param name="Severity">Whether the record is held back (<see cref="FailureSeverity.Error"/>) or only reported.</param>
public sealed record RecordFailure(
    SyncEntity Entity,
    LightspeedId LightspeedId,
    string Field,
    string Rule,
    string Message,
    FailureSeverity Severity = FailureSeverity.Error)
{
    /// <summary>The field name used when the failure concerns the whole record.</summary>
    public const string WholeRecord = "*";

    /// <summary>Whether the failure keeps the record from being loaded.</summary>
    public bool IsBlocking => Severity == FailureSeverity.Error;

    /// <summary>
    /// The <c>Error_Key__c</c> of the record's error in Salesforce: entity plus the account-scoped id, so a record that
    /// fails again updates the same error (DESIGN.md, "Data flow", step 6).
    /// </summary>
    public static string ErrorKey(SyncEntity entity, Identity.ExternalId externalId) => $"{entity}:{externalId.Value}";
}
