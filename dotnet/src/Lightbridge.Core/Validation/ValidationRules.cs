namespace Lightbridge.Core.Validation;

/// <summary>
/// The stable names of the validation rules, used as <see cref="Failures.RecordFailure.Rule"/> and as
/// <c>Error_Code__c</c>, so operators can filter on them.
/// </summary>
public static class ValidationRules
{
    /// <summary>A sale has no shop (<c>shopID "0"</c>), so it has no store to link to.</summary>
    public const string SaleNeedsShop = nameof(SaleNeedsShop);

    /// <summary>A sale has neither a completion nor a creation time.</summary>
    public const string SaleNeedsTime = nameof(SaleNeedsTime);

    /// <summary>A sale is still open; only completed and voided sales are loaded (<c>Status__c</c> has no open value).</summary>
    public const string SaleNotCompleted = nameof(SaleNotCompleted);

    /// <summary>A line has a zero quantity.</summary>
    public const string LineNeedsQuantity = nameof(LineNeedsQuantity);

    /// <summary>A line or payment names another sale than the one it came with.</summary>
    public const string ChildBelongsToSale = nameof(ChildBelongsToSale);

    /// <summary>A wire value that should be a decimal is not one.</summary>
    public const string MoneyParses = nameof(MoneyParses);

    /// <summary>An amount or quantity does not fit its Salesforce field (precision 16).</summary>
    public const string AmountOutOfRange = nameof(AmountOutOfRange);

    /// <summary>A text is longer than its Salesforce field.</summary>
    public const string FieldTooLong = nameof(FieldTooLong);

    /// <summary>A customer has no name, no valid email and no valid phone: nothing to create or match on.</summary>
    public const string CustomerNeedsIdentity = nameof(CustomerNeedsIdentity);

    /// <summary>An item has no description, and <c>Product2.Name</c> is required.</summary>
    public const string ItemNeedsName = nameof(ItemNeedsName);

    /// <summary>A shop has no name, and <c>Lightspeed_Store__c.Name</c> is required.</summary>
    public const string ShopNeedsName = nameof(ShopNeedsName);
}
