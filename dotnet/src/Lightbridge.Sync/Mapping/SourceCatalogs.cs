using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Sync.Mapping;

/// <summary>
/// The canonical records a mapping reads, by root name, with every member a source path or a template may use. The
/// mapping file's <c>source</c> names one of the roots here.
/// </summary>
/// <remarks>
/// One list per record, read best whole, so this file is longer than most (STYLE G3). Values are the canonical CLR
/// forms Core's <see cref="DefaultMappings"/> writes (strings for ids and codes, decimals for money, UTC instants), so the
/// shipped file reproduces Core's defaults exactly.
/// </remarks>
internal static class SourceCatalogs
{
    public static SourceCatalog<NormalizedShop> Shop { get; } = new("shop",
    [
        M<NormalizedShop, ExternalId>("external_id", s => s.ExternalId),
        M<NormalizedShop, string>("id", s => s.Source.Id.Value),
        M<NormalizedShop, string>("account_id", s => s.AccountId.Value),
        M<NormalizedShop, string>("name", s => s.Name),
        M<NormalizedShop, string>("store_code", s => s.StoreCode),
        M<NormalizedShop, string>("time_zone", s => s.Source.TimeZone),
        M<NormalizedShop, string>("currency", s => s.Currency.Value),
        M<NormalizedShop, bool>("archived", s => s.Source.Archived),
        M<NormalizedShop, DateTimeOffset?>("updated_at", s => s.Source.UpdatedAt),
    ]);

    public static SourceCatalog<NormalizedItem> Item { get; } = new("item",
    [
        M<NormalizedItem, ExternalId>("external_id", i => i.ExternalId),
        M<NormalizedItem, string>("id", i => i.Source.Id.Value),
        M<NormalizedItem, string>("name", i => i.Name),
        M<NormalizedItem, string?>("sku", i => i.Sku),
        M<NormalizedItem, string?>("system_sku", i => i.Source.SystemSku),
        M<NormalizedItem, string?>("custom_sku", i => i.Source.CustomSku),
        M<NormalizedItem, string?>("manufacturer_sku", i => i.Source.ManufacturerSku),
        M<NormalizedItem, string?>("upc", i => i.Source.Upc),
        M<NormalizedItem, string?>("ean", i => i.Source.Ean),
        M<NormalizedItem, decimal?>("price", i => i.Price),
        M<NormalizedItem, bool>("is_active", i => i.IsActive),
        M<NormalizedItem, bool>("archived", i => i.Source.Archived),
        M<NormalizedItem, string>("item_type", i => i.Source.ItemType.ToString()),
        M<NormalizedItem, DateTimeOffset?>("created_at", i => i.Source.CreatedAt),
        M<NormalizedItem, DateTimeOffset?>("updated_at", i => i.Source.UpdatedAt),
    ]);

    public static SourceCatalog<NormalizedItemShop> Inventory { get; } = new("inventory",
    [
        M<NormalizedItemShop, ExternalId>("external_id", i => i.ExternalId),
        M<NormalizedItemShop, string>("id", i => i.Source.Id.Value),
        M<NormalizedItemShop, ExternalId>("item_external_id", i => i.ItemExternalId),
        M<NormalizedItemShop, ExternalId>("shop_external_id", i => i.ShopExternalId),
        M<NormalizedItemShop, string>("store_code", i => i.StoreCode),
        M<NormalizedItemShop, decimal>("quantity_on_hand", i => i.QuantityOnHand),
        M<NormalizedItemShop, decimal>("reorder_point", i => i.ReorderPoint),
        M<NormalizedItemShop, decimal>("reorder_level", i => i.Source.ReorderLevel),
        M<NormalizedItemShop, DateTimeOffset?>("updated_at", i => i.Source.UpdatedAt),
    ]);

    public static SourceCatalog<NormalizedCustomer> Customer { get; } = new("customer",
    [
        M<NormalizedCustomer, ExternalId>("external_id", c => c.ExternalId),
        M<NormalizedCustomer, string>("id", c => c.Id.Value),
        M<NormalizedCustomer, string?>("first_name", c => c.FirstName),
        M<NormalizedCustomer, string?>("last_name", c => c.LastName),
        M<NormalizedCustomer, string?>("company", c => c.Company),
        M<NormalizedCustomer, string?>("email", c => c.PrimaryEmail?.Value),
        M<NormalizedCustomer, IReadOnlyList<string>>("emails", c => c.Emails.Select(e => e.Value).ToList()),
        M<NormalizedCustomer, string?>("phone", c => c.Phone?.Value),
        M<NormalizedCustomer, string?>("mobile_phone", c => c.MobilePhone?.Value),
        M<NormalizedCustomer, DateOnly?>("birthdate", c => c.Birthdate),
        M<NormalizedCustomer, string?>("street", c => Street(c)),
        M<NormalizedCustomer, string?>("city", c => c.Source.Address?.City),
        M<NormalizedCustomer, string?>("state", c => c.Source.Address?.State),
        M<NormalizedCustomer, string?>("state_code", c => c.Source.Address?.StateCode),
        M<NormalizedCustomer, string?>("postal_code", c => c.Source.Address?.PostalCode),
        M<NormalizedCustomer, string?>("country", c => c.Source.Address?.Country),
        M<NormalizedCustomer, string?>("country_code", c => c.Source.Address?.CountryCode),
        M<NormalizedCustomer, bool>("archived", c => c.Source.Archived),
        M<NormalizedCustomer, DateTimeOffset?>("created_at", c => c.Source.CreatedAt),
        M<NormalizedCustomer, DateTimeOffset?>("updated_at", c => c.ChangedAt),
    ]);

    public static SourceCatalog<SaleMappingSource> Sale { get; } = new("sale",
    [
        M<SaleMappingSource, ExternalId>("external_id", s => s.Sale.ExternalId),
        M<SaleMappingSource, string>("id", s => s.Sale.Id.Value),
        M<SaleMappingSource, ExternalId?>("shop_external_id", s => s.Sale.ShopExternalId),
        M<SaleMappingSource, string?>("store_code", s => s.Sale.StoreCode),
        M<SaleMappingSource, ExternalId?>("customer_external_id", s => s.Sale.CustomerExternalId),
        M<SaleMappingSource, string?>("customer_object", s => s.Customer?.ObjectType.ToString()),
        M<SaleMappingSource, SalesforceId?>("customer_id", s => s.Customer?.Id),

        // A customer's lookup is set by Salesforce id when the identity index knows it, else by external id (Core's
        // DefaultMappings.Sale): the *_id member and the *_external_id member are never both set.
        M<SaleMappingSource, SalesforceId?>("contact_id", s => CustomerId(s, CustomerObjectType.Contact)),
        M<SaleMappingSource, SalesforceId?>("lead_id", s => CustomerId(s, CustomerObjectType.Lead)),
        M<SaleMappingSource, ExternalId?>("contact_external_id", s => CustomerExternalId(s, CustomerObjectType.Contact)),
        M<SaleMappingSource, ExternalId?>("lead_external_id", s => CustomerExternalId(s, CustomerObjectType.Lead)),
        M<SaleMappingSource, string?>("register_id", s => s.Sale.Source.RegisterId?.Value),
        M<SaleMappingSource, string?>("employee_id", s => s.Sale.Source.EmployeeId?.Value),
        M<SaleMappingSource, string?>("ticket_number", s => s.Sale.Source.TicketNumber),
        M<SaleMappingSource, string>("status", s => DefaultMappings.StatusOf(s.Sale)),
        M<SaleMappingSource, bool>("is_voided", s => s.Sale.Status == Core.Model.SaleStatus.Voided),
        M<SaleMappingSource, bool>("is_refund", s => s.Sale.IsRefund),
        M<SaleMappingSource, bool>("is_walk_in", s => s.Sale.CustomerExternalId is null),
        M<SaleMappingSource, DateTimeOffset?>("sale_time", s => s.Sale.SaleTime),
        M<SaleMappingSource, DateOnly?>("local_date", s => LocalDate(s.Sale)),
        M<SaleMappingSource, string?>("time_zone", s => s.Sale.Source.TimeZone),
        M<SaleMappingSource, decimal>("subtotal", s => s.Sale.Subtotal),
        M<SaleMappingSource, decimal>("discount", s => s.Sale.Discount),
        M<SaleMappingSource, decimal>("tax", s => s.Sale.Tax),
        M<SaleMappingSource, decimal>("total", s => s.Sale.Total),
        M<SaleMappingSource, decimal>("paid", s => s.Sale.Payments.Where(p => !p.IsVoided).Sum(p => p.Amount)),
        M<SaleMappingSource, int>("line_count", s => s.Sale.Lines.Count),
        M<SaleMappingSource, string>("currency", s => s.Sale.Currency.Value),
        M<SaleMappingSource, string>("channel", s => DefaultMappings.ChannelOf(s.Sale)),
        M<SaleMappingSource, DateTimeOffset?>("created_at", s => s.Sale.Source.CreatedAt),
        M<SaleMappingSource, DateTimeOffset?>("updated_at", s => s.Sale.ChangedAt),
    ]);

    public static SourceCatalog<NormalizedSaleLine> Line { get; } = new("line",
    [
        M<NormalizedSaleLine, ExternalId>("external_id", l => l.ExternalId),
        M<NormalizedSaleLine, string>("id", l => l.Source.Id.Value),
        M<NormalizedSaleLine, ExternalId>("sale_external_id", l => l.SaleExternalId),
        M<NormalizedSaleLine, ExternalId?>("item_external_id", l => l.ItemExternalId),

        // The item whose standard price book entry an OpportunityLineItem names: Lightspeed's item 0, the miscellaneous
        // item, for a line that sells no catalogued item (the Opportunity profile keeps an entry for it).
        M<NormalizedSaleLine, ExternalId>("priced_item_external_id", l => l.ItemExternalId ?? MiscellaneousItem.ExternalIdIn(l.ExternalId.AccountId)),
        M<NormalizedSaleLine, ExternalId?>("original_line_external_id", l => l.OriginalLineExternalId),
        M<NormalizedSaleLine, decimal>("quantity", l => l.Quantity),
        M<NormalizedSaleLine, decimal>("unit_price", l => l.UnitPrice),
        M<NormalizedSaleLine, decimal>("discount", l => l.Discount),
        M<NormalizedSaleLine, decimal>("tax", l => l.Tax),
        M<NormalizedSaleLine, decimal>("line_total", l => l.LineTotal),
        M<NormalizedSaleLine, bool>("is_refund", l => l.IsRefund),
        M<NormalizedSaleLine, bool>("is_misc", l => l.Source.IsMisc),
        M<NormalizedSaleLine, DateTimeOffset?>("created_at", l => l.Source.CreatedAt),
        M<NormalizedSaleLine, DateTimeOffset?>("updated_at", l => l.Source.UpdatedAt),
    ]);

    public static SourceCatalog<NormalizedSalePayment> Payment { get; } = new("payment",
    [
        M<NormalizedSalePayment, ExternalId>("external_id", p => p.ExternalId),
        M<NormalizedSalePayment, string>("id", p => p.Source.Id.Value),
        M<NormalizedSalePayment, ExternalId>("sale_external_id", p => p.SaleExternalId),
        M<NormalizedSalePayment, string>("payment_type", p => p.PaymentTypeName),
        M<NormalizedSalePayment, string?>("payment_kind", p => p.Source.PaymentKind?.ToString()),
        M<NormalizedSalePayment, decimal>("amount", p => p.Amount),
        M<NormalizedSalePayment, DateTimeOffset?>("paid_at", p => p.PaidAt),
        M<NormalizedSalePayment, bool>("is_voided", p => p.IsVoided),
    ]);

    /// <summary>Every root name, e.g. to tell a template that it reads a record its object does not map.</summary>
    public static IReadOnlyList<string> Roots { get; } = [Shop.Root, Item.Root, Inventory.Root, Customer.Root, Sale.Root, Line.Root, Payment.Root];

    private static SourceMember<TSource> M<TSource, TValue>(string name, Func<TSource, TValue> get) =>
        new(name, typeof(TValue), s => get(s));

    private static SalesforceId? CustomerId(SaleMappingSource source, CustomerObjectType type) =>
        source.Customer is { } link && link.ObjectType == type ? link.Id : null;

    private static ExternalId? CustomerExternalId(SaleMappingSource source, CustomerObjectType type) =>
        source.Customer is { Id: null } link && link.ObjectType == type ? source.Sale.CustomerExternalId : null;

    private static string? Street(NormalizedCustomer customer) =>
        customer.Source.Address is { } a
            ? string.Join("\n", new[] { a.Line1, a.Line2 }.Where(l => !string.IsNullOrWhiteSpace(l))) is { Length: > 0 } street ? street : null
            : null;

    // The shop's business date of the sale (Opportunity.CloseDate): a sale at 23:30 in Toronto closes that day, not the
    // next UTC day. An unknown or legacy zone id that the system cannot resolve falls back to the UTC date.
    private static DateOnly? LocalDate(NormalizedSale sale)
    {
        if (sale.SaleTime is not { } instant)
        {
            return null;
        }

        if (sale.Source.TimeZone is { Length: > 0 } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        }

        return DateOnly.FromDateTime(instant.UtcDateTime);
    }
}
