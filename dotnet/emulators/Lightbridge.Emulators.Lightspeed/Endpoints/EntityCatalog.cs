using Lightbridge.Emulators.Lightspeed.Data;
using Lightbridge.Emulators.Lightspeed.Query;
using Lightbridge.Emulators.Lightspeed.Wire;

namespace Lightbridge.Emulators.Lightspeed.Endpoints;

/// <summary>
/// The served endpoints with their fields, sortable fields (first = primary key, the default sort) and relations,
/// from shared/reference/lightspeed-api.md section 3. Where the reference lists no sortable fields (Shop,
/// PaymentType, ItemShop) the choice here is ours and documented in docs/emulators.md.
/// </summary>
internal static class EntityCatalog
{
    private const FieldKind I = FieldKind.Integer;
    private const FieldKind D = FieldKind.Decimal;
    private const FieldKind T = FieldKind.DateTime;
    private const FieldKind B = FieldKind.Boolean;
    private const FieldKind S = FieldKind.Text;

    public static IReadOnlyDictionary<string, IEntityEndpoint> Create()
    {
        IEntityEndpoint[] all = [Shop(), Register(), PaymentType(), Customer(), Item(), ItemShop(), Sale(), SaleVoid()];
        return all.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    private static FieldDefinition<TR> F<TR>(string name, FieldKind kind, Func<TR, object?> get, string? relation = null) => new(name, kind, get, relation);

    private static long L(int value) => value;

    private static EntityDefinition<ShopRecord> Shop() => new(
        "Shop",
        s => s.Shops,
        r => r.ShopId,
        [F<ShopRecord>("shopID", I, r => L(r.ShopId)), F<ShopRecord>("name", S, r => r.Name), F<ShopRecord>("timeZone", S, r => r.TimeZone),
            F<ShopRecord>("archived", B, r => r.Archived), F<ShopRecord>("timeStamp", T, r => r.TimeStamp)],
        ["shopID", "name", "timeStamp"],
        [],
        r => r.Archived,
        (w, r, _, _) => SimpleWriters.Shop(w, r));

    private static EntityDefinition<RegisterRecord> Register() => new(
        "Register",
        s => s.Registers,
        r => r.RegisterId,
        [F<RegisterRecord>("registerID", I, r => L(r.RegisterId)), F<RegisterRecord>("shopID", I, r => L(r.ShopId)), F<RegisterRecord>("name", S, r => r.Name),
            F<RegisterRecord>("open", B, r => r.Open), F<RegisterRecord>("archived", B, r => r.Archived), F<RegisterRecord>("timeStamp", T, r => r.TimeStamp)],
        ["registerID"],
        [],
        r => r.Archived,
        (w, r, _, _) => SimpleWriters.Register(w, r));

    private static EntityDefinition<PaymentTypeRecord> PaymentType() => new(
        "PaymentType",
        s => s.PaymentTypes,
        r => r.PaymentTypeId,
        [F<PaymentTypeRecord>("paymentTypeID", I, r => L(r.PaymentTypeId)), F<PaymentTypeRecord>("name", S, r => r.Name), F<PaymentTypeRecord>("type", S, r => r.Type),
            F<PaymentTypeRecord>("archived", B, r => r.Archived), F<PaymentTypeRecord>("timeStamp", T, r => r.TimeStamp)],
        ["paymentTypeID", "name"],
        [],
        r => r.Archived,
        (w, r, _, _) => SimpleWriters.PaymentType(w, r));

    private static EntityDefinition<CustomerRecord> Customer() => new(
        "Customer",
        s => s.Customers,
        r => r.CustomerId,
        [
            F<CustomerRecord>("customerID", I, r => L(r.CustomerId)), F<CustomerRecord>("firstName", S, r => r.FirstName), F<CustomerRecord>("lastName", S, r => r.LastName),
            F<CustomerRecord>("title", S, r => r.Title), F<CustomerRecord>("company", S, r => r.Company), F<CustomerRecord>("dob", T, r => r.Dob),
            F<CustomerRecord>("createTime", T, r => r.CreateTime), F<CustomerRecord>("timeStamp", T, r => r.TimeStamp), F<CustomerRecord>("archived", B, r => r.Archived),
            F<CustomerRecord>("contactID", I, r => L(r.Contact.ContactId)), F<CustomerRecord>("creditAccountID", I, r => L(r.CreditAccountId)),
            F<CustomerRecord>("customerTypeID", I, r => L(r.CustomerTypeId)), F<CustomerRecord>("discountID", I, r => L(r.DiscountId)),
            F<CustomerRecord>("taxCategoryID", I, r => L(r.TaxCategoryId)),
            // Relation filters work one level deep and only with the relation loaded (reference section 4).
            F<CustomerRecord>("Contact.timeStamp", T, r => r.Contact.TimeStamp, "Contact"),
        ],
        ["customerID", "timeStamp", "firstName", "lastName"],
        [new RelationDefinition("Contact", ToMany: false)],
        r => r.Archived,
        (w, r, rel, _) => CustomerWriter.Write(w, r, rel.Contains("Contact")));

    private static EntityDefinition<ItemRecord> Item() => new(
        "Item",
        s => s.Items,
        r => r.ItemId,
        [
            F<ItemRecord>("itemID", I, r => L(r.ItemId)), F<ItemRecord>("systemSku", S, r => r.SystemSku), F<ItemRecord>("customSku", S, r => r.CustomSku),
            F<ItemRecord>("manufacturerSku", S, r => r.ManufacturerSku), F<ItemRecord>("upc", S, r => r.Upc), F<ItemRecord>("ean", S, r => r.Ean),
            F<ItemRecord>("description", S, r => r.Description), F<ItemRecord>("defaultCost", D, r => r.DefaultCost), F<ItemRecord>("archived", B, r => r.Archived),
            F<ItemRecord>("itemType", S, r => r.ItemType), F<ItemRecord>("tax", B, r => r.Tax), F<ItemRecord>("discountable", B, r => r.Discountable),
            F<ItemRecord>("createTime", T, r => r.CreateTime), F<ItemRecord>("timeStamp", T, r => r.TimeStamp), F<ItemRecord>("categoryID", I, r => L(r.CategoryId)),
            F<ItemRecord>("taxClassID", I, r => L(r.TaxClassId)), F<ItemRecord>("manufacturerID", I, r => L(r.ManufacturerId)),
            F<ItemRecord>("defaultVendorID", I, r => L(r.DefaultVendorId)),
        ],
        ["itemID", "timeStamp", "description"],
        [new RelationDefinition("ItemShops", ToMany: true)],
        r => r.Archived,
        (w, r, rel, store) => ItemWriter.Write(w, r, rel.Contains("ItemShops") ? store.ItemShopsByItem.GetValueOrDefault(r.ItemId) ?? [] : null));

    private static EntityDefinition<ItemShopRecord> ItemShop() => new(
        "ItemShop",
        s => s.ItemShops,
        r => r.ItemShopId,
        [
            F<ItemShopRecord>("itemShopID", I, r => L(r.ItemShopId)), F<ItemShopRecord>("itemID", I, r => L(r.ItemId)), F<ItemShopRecord>("shopID", I, r => L(r.ShopId)),
            F<ItemShopRecord>("qoh", I, r => L(r.Qoh)), F<ItemShopRecord>("reorderPoint", I, r => L(r.ReorderPoint)), F<ItemShopRecord>("timeStamp", T, r => r.TimeStamp),
        ],
        ["itemShopID", "timeStamp", "itemID"],
        [],
        null,
        (w, r, _, _) => ItemShopWriter.Write(w, r));

    private static EntityDefinition<SaleRecord> Sale() => new(
        "Sale",
        s => s.Sales,
        r => r.SaleId,
        [
            F<SaleRecord>("saleID", I, r => L(r.SaleId)), F<SaleRecord>("timeStamp", T, r => r.TimeStamp), F<SaleRecord>("createTime", T, r => r.CreateTime),
            F<SaleRecord>("updatetime", T, r => r.UpdateTime),
            // The tutorials spell it updateTime (reference section 9 item 11); accept it in filters, sort only by updatetime.
            F<SaleRecord>("updateTime", T, r => r.UpdateTime),
            F<SaleRecord>("completeTime", T, r => r.CompleteTime), F<SaleRecord>("completed", B, r => r.Completed), F<SaleRecord>("voided", B, r => r.Voided),
            F<SaleRecord>("archived", B, _ => false), F<SaleRecord>("customerID", I, r => L(r.CustomerId)), F<SaleRecord>("shopID", I, r => L(r.ShopId)),
            F<SaleRecord>("registerID", I, r => L(r.RegisterId)), F<SaleRecord>("employeeID", I, r => L(r.EmployeeId)), F<SaleRecord>("ticketNumber", S, r => r.TicketNumber),
            F<SaleRecord>("total", D, r => r.Total), F<SaleRecord>("calcTotal", D, r => r.Total),
        ],
        ["saleID", "timeStamp", "completeTime", "updatetime"],
        [
            new RelationDefinition("SaleLines", ToMany: true),
            new RelationDefinition("SaleLines.Item", ToMany: false, Parent: "SaleLines"),
            new RelationDefinition("SalePayments", ToMany: true),
            new RelationDefinition("SalePayments.PaymentType", ToMany: false, Parent: "SalePayments"),
            new RelationDefinition("Customer", ToMany: false),
            new RelationDefinition("Customer.Contact", ToMany: false, Parent: "Customer"),
        ],
        _ => false,
        SaleWriter.Write);

    private static EntityDefinition<SaleVoidRecord> SaleVoid() => new(
        "SaleVoid",
        s => s.SaleVoids,
        r => r.SaleVoidId,
        [
            F<SaleVoidRecord>("saleVoidID", I, r => L(r.SaleVoidId)), F<SaleVoidRecord>("saleID", I, r => L(r.SaleId)), F<SaleVoidRecord>("createTime", T, r => r.CreateTime),
            F<SaleVoidRecord>("employeeID", I, r => L(r.EmployeeId)), F<SaleVoidRecord>("shopID", I, r => L(r.ShopId)),
        ],
        ["saleVoidID", "saleID"],
        [],
        null,
        (w, r, _, _) => SimpleWriters.SaleVoid(w, r));
}
