using System.Collections.Frozen;
using T = Lightbridge.Sync.Mapping.TargetFieldType;
using S = Lightbridge.Core.Mapping.SalesforceSchema;

namespace Lightbridge.Sync.Mapping;

/// <summary>
/// The fields a mapping may write, per object: the package's fields (Core's <see cref="S"/> plus the few package fields
/// it does not name yet) and the standard fields of the standard objects the product touches. A target field outside
/// this list stops the program at start with its name (issue 5, "Mapping"), so a typo in an override never reaches
/// Salesforce as an INVALID_FIELD on every record.
/// </summary>
/// <remarks>
/// Only writable fields are listed: formula, roll-up summary (<c>Line_Count__c</c>, <c>Item_Quantity__c</c>,
/// <c>Paid__c</c>), auto-number names and the rollup targets the middleware owns are left out. One list, read best
/// whole, so the file is longer than most (STYLE G3).
/// </remarks>
internal static class TargetFieldCatalog
{
    /// <summary>The external-id field the Opportunity profile keys <c>Opportunity</c> on (in the package, like the two below).</summary>
    public const string OpportunitySaleId = "Lightspeed_Sale_Id__c";

    /// <summary>The external-id field the Opportunity profile keys <c>OpportunityLineItem</c> on.</summary>
    public const string OpportunityLineItemSaleLineId = "Lightspeed_Sale_Line_Id__c";

    /// <summary>
    /// The external-id field the Opportunity profile keys each product's standard <c>PricebookEntry</c> on: the item's own
    /// external id, so a line item names its entry by the item it sells.
    /// </summary>
    public const string PricebookEntryItemId = "Lightspeed_Item_Id__c";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, KnownField>> Objects = new Dictionary<string, KnownField[]>
    {
        [S.Store.ObjectName] =
        [
            new(S.Store.LightspeedShopId, T.Text, IsExternalId: true),
            new(S.Name, T.Text),
            new(S.Store.LightspeedAccountId, T.Text),
            new(S.Store.StoreCode, T.Text),
            new(S.Store.TimeZone, T.Text),
            new(S.Store.CurrencyCode, T.Text),
        ],
        [S.Product.ObjectName] =
        [
            new(S.Product.LightspeedItemId, T.Text, IsExternalId: true),
            new(S.Name, T.Text),
            new(S.Product.ProductCode, T.Text),
            new(S.Product.IsActive, T.Checkbox),
            new("Description", T.Text),
            new("Family", T.Text),
            new("StockKeepingUnit", T.Text),
            new("QuantityUnitOfMeasure", T.Text),
        ],
        [S.Inventory.ObjectName] =
        [
            new(S.Inventory.LightspeedItemShopId, T.Text, IsExternalId: true),
            new(S.Inventory.Product, T.Reference),
            new(S.Inventory.Store, T.Reference),
            new(S.Inventory.QuantityOnHand, T.Number),
            new(S.Inventory.ReorderPoint, T.Number),
            new(S.Inventory.StoreCode, T.Text),
        ],
        [S.Contact.ObjectName] =
        [
            new(S.Contact.LightspeedCustomerId, T.Text, IsExternalId: true),
            new(S.Contact.FirstName, T.Text),
            new(S.Contact.LastName, T.Text),
            new(S.Contact.Email, T.Text),
            new(S.Contact.Phone, T.Text),
            new(S.Contact.MobilePhone, T.Text),
            new(S.Contact.Birthdate, T.Date),
            new(S.Contact.AccountId, T.Reference),
            new("Salutation", T.Text),
            new("Title", T.Text),
            new("Department", T.Text),
            new("Description", T.Text),
            new("HomePhone", T.Text),
            new("OtherPhone", T.Text),
            new("MailingStreet", T.Text),
            new("MailingCity", T.Text),
            new("MailingState", T.Text),
            new("MailingPostalCode", T.Text),
            new("MailingCountry", T.Text),
            new("LeadSource", T.Text),
            new("HasOptedOutOfEmail", T.Checkbox),
        ],
        [S.Lead.ObjectName] =
        [
            new(S.Contact.LightspeedCustomerId, T.Text, IsExternalId: true),
            new(S.Contact.FirstName, T.Text),
            new(S.Contact.LastName, T.Text),
            new(S.Lead.Company, T.Text),
            new(S.Contact.Email, T.Text),
            new(S.Contact.Phone, T.Text),
            new(S.Contact.MobilePhone, T.Text),
            new("Salutation", T.Text),
            new("Title", T.Text),
            new("Description", T.Text),
            new("Street", T.Text),
            new("City", T.Text),
            new("State", T.Text),
            new("PostalCode", T.Text),
            new("Country", T.Text),
            new("LeadSource", T.Text),
            new("Status", T.Text),
            new("Industry", T.Text),
            new("Website", T.Text),
            new("HasOptedOutOfEmail", T.Checkbox),
        ],
        ["Account"] =
        [
            new(S.Name, T.Text),
            new("Phone", T.Text),
            new("Website", T.Text),
            new("Description", T.Text),
            new("Industry", T.Text),
            new("Type", T.Text),
            new("BillingStreet", T.Text),
            new("BillingCity", T.Text),
            new("BillingState", T.Text),
            new("BillingPostalCode", T.Text),
            new("BillingCountry", T.Text),
        ],
        [S.Sale.ObjectName] =
        [
            new(S.Sale.LightspeedSaleId, T.Text, IsExternalId: true),
            new(S.Sale.Store, T.Reference),
            new(S.Sale.Contact, T.Reference),
            new(S.Sale.Lead, T.Reference),
            new(S.Sale.Register, T.Text),
            new(S.Sale.SaleTime, T.DateTime),
            new(S.Sale.Status, T.Text),
            new(S.Sale.IsRefund, T.Checkbox),
            new(S.Sale.Subtotal, T.Currency),
            new(S.Sale.Discount, T.Currency),
            new(S.Sale.Tax, T.Currency),
            new(S.Sale.Total, T.Currency),
            new(S.Sale.CurrencyCode, T.Text),
            new(S.Sale.TicketNumber, T.Text),
            new(S.Sale.Channel, T.Text),
            new(S.Sale.StoreCode, T.Text),
        ],
        [S.SaleLine.ObjectName] =
        [
            new(S.SaleLine.LightspeedSaleLineId, T.Text, IsExternalId: true),
            new(S.SaleLine.Sale, T.Reference),
            new(S.SaleLine.Product, T.Reference),
            new(S.SaleLine.OriginalLine, T.Reference),
            new(S.SaleLine.Quantity, T.Number),
            new(S.SaleLine.UnitPrice, T.Currency),
            new(S.SaleLine.Discount, T.Currency),
            new(S.SaleLine.Tax, T.Currency),
            new(S.SaleLine.LineTotal, T.Currency),

            // In the package (force-app) but not yet named in Core's SalesforceSchema.
            new("Sku__c", T.Text),
        ],
        [S.Payment.ObjectName] =
        [
            new(S.Payment.LightspeedPaymentId, T.Text, IsExternalId: true),
            new(S.Payment.Sale, T.Reference),
            new(S.Payment.PaymentType, T.Text),
            new(S.Payment.Amount, T.Currency),
            new(S.Payment.PaidAt, T.DateTime),
        ],
        ["Opportunity"] =
        [
            new(OpportunitySaleId, T.Text, IsExternalId: true),
            new(S.Name, T.Text),
            new("StageName", T.Text),
            new("CloseDate", T.Date),
            new("Amount", T.Currency),
            new("AccountId", T.Reference),
            new("ContactId", T.Reference),
            new("Lightspeed_Store__c", T.Reference),
            new("Pricebook2Id", T.Reference),
            new("Description", T.Text),
            new("Type", T.Text),
            new("LeadSource", T.Text),
            new("NextStep", T.Text),

            // Exists only in multi-currency orgs.
            new("CurrencyIsoCode", T.Text),
        ],
        ["OpportunityLineItem"] =
        [
            new(OpportunityLineItemSaleLineId, T.Text, IsExternalId: true),
            new("OpportunityId", T.Reference),
            new("Product2Id", T.Reference),
            new("PricebookEntryId", T.Reference),
            new("Quantity", T.Number),
            new("UnitPrice", T.Currency),
            new("TotalPrice", T.Currency),
            new("Discount", T.Number),
            new("Description", T.Text),
            new("ServiceDate", T.Date),
        ],
        ["PricebookEntry"] =
        [
            new(PricebookEntryItemId, T.Text, IsExternalId: true),
            new("Pricebook2Id", T.Reference),
            new("Product2Id", T.Reference),
            new("UnitPrice", T.Currency),
            new("IsActive", T.Checkbox),
            new("UseStandardPrice", T.Checkbox),
        ],
    }.ToFrozenDictionary(
        o => o.Key,
        o => o.Value.ToFrozenDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical API name of a known object (Salesforce names are case-insensitive), or null.</summary>
    public static string? FindObject(string objectName) =>
        Objects.TryGetValue(objectName, out _) ? Objects.Keys.First(k => string.Equals(k, objectName, StringComparison.OrdinalIgnoreCase)) : null;

    /// <summary>The known field <paramref name="field"/> of <paramref name="objectName"/>, in its canonical case, or null.</summary>
    public static KnownField? FindField(string objectName, string field) =>
        Objects.TryGetValue(objectName, out var fields) && fields.TryGetValue(field, out var known) ? known : null;

    /// <summary>The writable fields of <paramref name="objectName"/>, for error messages.</summary>
    public static string DescribeFields(string objectName) =>
        Objects.TryGetValue(objectName, out var fields)
            ? string.Join(", ", fields.Values.Where(f => !f.IsExternalId).Select(f => f.Name).Order(StringComparer.Ordinal))
            : string.Empty;
}
