using Lightbridge.Core.Identity;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using S = Lightbridge.Core.Mapping.SalesforceSchema;

namespace Lightbridge.Core.Mapping;

/// <summary>
/// The default mappings from normalized records to the package's objects and fields, as DESIGN.md's data model names
/// them. Configuration may replace any field of them (<see cref="ObjectMapping{TSource}.WithField"/>).
/// </summary>
/// <remarks>
/// This file is one list per object and reads best whole, so it is longer than most (STYLE G3).
/// </remarks>
public static class DefaultMappings
{
    /// <summary>The name written when Lightspeed has none and Salesforce requires one (<c>LastName</c>, and <c>FirstName</c> for the product).</summary>
    public const string PlaceholderName = "Unknown";

    /// <summary>The Lead company written when the customer has none; Salesforce's own web-to-lead convention.</summary>
    public const string PlaceholderCompany = "[not provided]";

    /// <summary>Shop → <c>Lightspeed_Store__c</c>.</summary>
    public static ObjectMapping<NormalizedShop> Store { get; } = new(
        S.Store.ObjectName,
        S.Store.LightspeedShopId,
        s => s.ExternalId,
        [
            new(S.Name, s => s.Name),
            new(S.Store.LightspeedAccountId, s => s.AccountId.Value),
            new(S.Store.StoreCode, s => s.StoreCode),
            new(S.Store.TimeZone, s => s.Source.TimeZone),
            new(S.Store.CurrencyCode, s => s.Currency.Value),
        ],
        []);

    /// <summary>Item → <c>Product2</c>: <c>ProductCode</c> is the SKU, <c>IsActive</c> is "not archived".</summary>
    public static ObjectMapping<NormalizedItem> Product { get; } = new(
        S.Product.ObjectName,
        S.Product.LightspeedItemId,
        i => i.ExternalId,
        [
            new(S.Name, i => i.Name),
            new(S.Product.ProductCode, i => i.Sku),
            new(S.Product.IsActive, i => i.IsActive),
        ],
        []);

    /// <summary>
    /// ItemShop → <c>Lightspeed_Inventory__c</c>, linked to its product and store by external id and stamped with the
    /// store's code for the per-store sharing rules.
    /// </summary>
    public static ObjectMapping<NormalizedItemShop> Inventory { get; } = new(
        S.Inventory.ObjectName,
        S.Inventory.LightspeedItemShopId,
        i => i.ExternalId,
        [
            new(S.Inventory.QuantityOnHand, i => i.QuantityOnHand),
            new(S.Inventory.ReorderPoint, i => i.ReorderPoint),
            new(S.Inventory.StoreCode, i => i.StoreCode),
        ],
        [
            new(S.Inventory.Product, S.Product.ObjectName, S.Product.LightspeedItemId, i => i.ItemExternalId),
            new(S.Inventory.Store, S.Store.ObjectName, S.Store.LightspeedShopId, i => i.ShopExternalId),
        ]);

    /// <summary>Customer → <c>Contact</c>. Phones go out in E.164; the account is set by the <see cref="AccountPolicy"/>, not here.</summary>
    public static ObjectMapping<NormalizedCustomer> Contact { get; } = new(
        S.Contact.ObjectName,
        S.Contact.LightspeedCustomerId,
        c => c.ExternalId,
        [
            new(S.Contact.FirstName, c => c.FirstName ?? PlaceholderName),
            new(S.Contact.LastName, c => c.LastName ?? PlaceholderName),
            new(S.Contact.Email, c => c.PrimaryEmail?.Value),
            new(S.Contact.Phone, c => c.Phone?.Value),
            new(S.Contact.MobilePhone, c => c.MobilePhone?.Value),
            new(S.Contact.Birthdate, c => c.Birthdate),
        ],
        []);

    /// <summary>Customer → <c>Lead</c>: as a Contact but no birth date (Lead has none) and a required <c>Company</c>.</summary>
    public static ObjectMapping<NormalizedCustomer> Lead { get; } = new(
        S.Lead.ObjectName,
        S.Contact.LightspeedCustomerId,
        c => c.ExternalId,
        [
            new(S.Contact.FirstName, c => c.FirstName ?? PlaceholderName),
            new(S.Contact.LastName, c => c.LastName ?? PlaceholderName),
            new(S.Lead.Company, c => c.Company ?? PlaceholderCompany),
            new(S.Contact.Email, c => c.PrimaryEmail?.Value),
            new(S.Contact.Phone, c => c.Phone?.Value),
            new(S.Contact.MobilePhone, c => c.MobilePhone?.Value),
        ],
        []);

    /// <summary>
    /// Sale → <c>Lightspeed_Sale__c</c>. The store is linked by external id; the customer by Salesforce id when known,
    /// else by external id, on the lookup that matches its object (a walk-in leaves both empty).
    /// </summary>
    public static ObjectMapping<SaleMappingSource> Sale { get; } = new(
        S.Sale.ObjectName,
        S.Sale.LightspeedSaleId,
        s => s.Sale.ExternalId,
        [
            new(S.Sale.Contact, s => CustomerId(s, CustomerObjectType.Contact)),
            new(S.Sale.Lead, s => CustomerId(s, CustomerObjectType.Lead)),
            new(S.Sale.Register, s => s.Sale.Source.RegisterId?.Value),
            new(S.Sale.SaleTime, s => s.Sale.SaleTime),
            new(S.Sale.Status, s => StatusOf(s.Sale)),
            new(S.Sale.IsRefund, s => s.Sale.IsRefund),
            new(S.Sale.Subtotal, s => s.Sale.Subtotal),
            new(S.Sale.Discount, s => s.Sale.Discount),
            new(S.Sale.Tax, s => s.Sale.Tax),
            new(S.Sale.Total, s => s.Sale.Total),
            new(S.Sale.CurrencyCode, s => s.Sale.Currency.Value),
            new(S.Sale.TicketNumber, s => s.Sale.Source.TicketNumber),
            new(S.Sale.Channel, s => ChannelOf(s.Sale)),
            new(S.Sale.StoreCode, s => s.Sale.StoreCode),
        ],
        [
            new(S.Sale.Store, S.Store.ObjectName, S.Store.LightspeedShopId, s => s.Sale.ShopExternalId),
            new(S.Sale.Contact, S.Contact.ObjectName, S.Contact.LightspeedCustomerId, s => CustomerExternalId(s, CustomerObjectType.Contact)),
            new(S.Sale.Lead, S.Lead.ObjectName, S.Contact.LightspeedCustomerId, s => CustomerExternalId(s, CustomerObjectType.Lead)),
        ]);

    /// <summary>SaleLine → <c>Lightspeed_Sale_Line__c</c>; a refund line points at the line it refunds (<c>Original_Line__c</c>).</summary>
    public static ObjectMapping<NormalizedSaleLine> SaleLine { get; } = new(
        S.SaleLine.ObjectName,
        S.SaleLine.LightspeedSaleLineId,
        l => l.ExternalId,
        [
            new(S.SaleLine.Quantity, l => l.Quantity),
            new(S.SaleLine.UnitPrice, l => l.UnitPrice),
            new(S.SaleLine.Discount, l => l.Discount),
            new(S.SaleLine.Tax, l => l.Tax),
            new(S.SaleLine.LineTotal, l => l.LineTotal),
        ],
        [
            new(S.SaleLine.Sale, S.Sale.ObjectName, S.Sale.LightspeedSaleId, l => l.SaleExternalId),
            new(S.SaleLine.Product, S.Product.ObjectName, S.Product.LightspeedItemId, l => l.ItemExternalId),
            new(S.SaleLine.OriginalLine, S.SaleLine.ObjectName, S.SaleLine.LightspeedSaleLineId, l => l.OriginalLineExternalId),
        ]);

    /// <summary>SalePayment → <c>Lightspeed_Payment__c</c>.</summary>
    public static ObjectMapping<NormalizedSalePayment> Payment { get; } = new(
        S.Payment.ObjectName,
        S.Payment.LightspeedPaymentId,
        p => p.ExternalId,
        [
            new(S.Payment.PaymentType, p => p.PaymentTypeName),
            new(S.Payment.Amount, p => p.Amount),
            new(S.Payment.PaidAt, p => p.PaidAt),
        ],
        [
            new(S.Payment.Sale, S.Sale.ObjectName, S.Sale.LightspeedSaleId, p => p.SaleExternalId),
        ]);

    /// <summary>The <c>Status__c</c> picklist value: Voided, else Completed (the picklist has no open value).</summary>
    public static string StatusOf(NormalizedSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return sale.Status == SaleStatus.Voided ? "Voided" : "Completed";
    }

    /// <summary>The <c>Channel__c</c> picklist value: Web when an e-commerce payment paid it, else POS.</summary>
    public static string ChannelOf(NormalizedSale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return sale.Payments.Any(p => p.Source.PaymentKind == PaymentKind.Ecom) ? "Web" : "POS";
    }

    private static SalesforceId? CustomerId(SaleMappingSource source, CustomerObjectType type) =>
        source.Customer is { } link && link.ObjectType == type ? link.Id : null;

    private static ExternalId? CustomerExternalId(SaleMappingSource source, CustomerObjectType type) =>
        source.Customer is { Id: null } link && link.ObjectType == type ? source.Sale.CustomerExternalId : null;
}
