using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Mapping;

public sealed class DefaultMappingsTests
{
    private static NormalizedSale NormalizedSale(Sale sale) => SaleNormalizer.Normalize(sale, AccountContext());

    [Test]
    public void Store_Shop_MapsStoreFields()
    {
        var shop = ShopNormalizer.Normalize(new Shop(Id("1"), "Downtown", "US/Eastern", false, T0), AccountContext());

        var record = DefaultMappings.Store.Map(shop);

        Assert.That(record.ObjectName, Is.EqualTo("Lightspeed_Store__c"));
        Assert.That(record.ExternalIdField, Is.EqualTo("Lightspeed_Shop_Id__c"));
        Assert.That(record.ExternalId.Value, Is.EqualTo("120645-1"));
        Assert.That(record.Fields.Select(f => f.Name), Is.EqualTo(new[] { "Name", "Lightspeed_Account_Id__c", "Store_Code__c", "Time_Zone__c", "Currency_Code__c" }));
        Assert.That(record["Time_Zone__c"], Is.EqualTo("US/Eastern"));
        Assert.That(record["Currency_Code__c"], Is.EqualTo("GBP"));
        Assert.That(record["Lightspeed_Account_Id__c"], Is.EqualTo("120645"));
    }

    [Test]
    public void Product_ArchivedItem_SkuAsProductCodeAndInactive()
    {
        var item = new Item(Id("5"), "210000000005", "MUG-BLUE", null, null, null, "Blue Mug", 12m, [], true, ItemType.Default, T0, T0, []);

        var record = DefaultMappings.Product.Map(ItemNormalizer.Normalize(item, AccountContext()));

        Assert.That(record.ObjectName, Is.EqualTo("Product2"));
        Assert.That(record.ExternalIdField, Is.EqualTo("Lightspeed_Item_Id__c"));
        Assert.That(record["Name"], Is.EqualTo("Blue Mug"));
        Assert.That(record["ProductCode"], Is.EqualTo("MUG-BLUE"));
        Assert.That(record["IsActive"], Is.EqualTo(false));
    }

    [Test]
    public void Inventory_Stock_ReferencesProductAndStoreByExternalId()
    {
        var stock = ItemShopNormalizer.Normalize(new ItemShop(Id("51"), Id("5"), Id("1"), 3m, 1m, 2m, T0), AccountContext())!;

        var record = DefaultMappings.Inventory.Map(stock);

        Assert.That(record["Quantity_On_Hand__c"], Is.EqualTo(3m));
        Assert.That(record["Reorder_Point__c"], Is.EqualTo(1m));
        Assert.That(record["Store_Code__c"], Is.EqualTo("S120645_1"), "the store's code, for the per-store sharing rules");
        Assert.That(record.References.Select(r => (r.ColumnName, r.ParentExternalId.Value)), Is.EqualTo(new[]
        {
            ("Product__r.Lightspeed_Item_Id__c", "120645-5"),
            ("Store__r.Lightspeed_Shop_Id__c", "120645-1"),
        }));
    }

    [Test]
    public void Contact_Customer_MapsNamesEmailE164PhonesBirthdate()
    {
        var customer = Normalized(Customer(phones: [new CustomerPhone("01632 960123", PhoneUseType.Home), new CustomerPhone("07700 900456", PhoneUseType.Mobile)]));

        var record = DefaultMappings.Contact.Map(customer);

        Assert.That(record.ObjectName, Is.EqualTo("Contact"));
        Assert.That(record.ExternalIdField, Is.EqualTo("Lightspeed_Customer_Id__c"));
        Assert.That(record.ExternalId.Value, Is.EqualTo("120645-7"));
        Assert.That(record["FirstName"], Is.EqualTo("Ada"));
        Assert.That(record["LastName"], Is.EqualTo("Lovelace"));
        Assert.That(record["Email"], Is.EqualTo("ada@example.com"));
        Assert.That(record["Phone"], Is.EqualTo("+441632960123"));
        Assert.That(record["MobilePhone"], Is.EqualTo("+447700900456"));
        Assert.That(record["Birthdate"], Is.EqualTo(new DateOnly(1815, 12, 10)));
        Assert.That(record.HasField("Company"), Is.False);
    }

    [Test]
    public void Contact_NoNames_PlaceholdersForRequiredNames()
    {
        var record = DefaultMappings.Contact.Map(Normalized(Customer(first: null, last: " ")));

        Assert.That(record["FirstName"], Is.EqualTo(DefaultMappings.PlaceholderName));
        Assert.That(record["LastName"], Is.EqualTo(DefaultMappings.PlaceholderName));
    }

    [Test]
    public void Lead_CustomerWithoutCompany_CompanyPlaceholderAndNoBirthdate()
    {
        var record = DefaultMappings.Lead.Map(Normalized(Customer(company: null)));

        Assert.That(record.ObjectName, Is.EqualTo("Lead"));
        Assert.That(record["Company"], Is.EqualTo(DefaultMappings.PlaceholderCompany));
        Assert.That(record.HasField("Birthdate"), Is.False);
        Assert.That(DefaultMappings.Lead.Map(Normalized(Customer(company: "Acme")))["Company"], Is.EqualTo("Acme"));
    }

    [Test]
    public void Sale_CompletedSale_MapsSaleFieldsAndStore()
    {
        var record = DefaultMappings.Sale.Map(new SaleMappingSource(NormalizedSale(Sale()), null));

        Assert.That(record.ObjectName, Is.EqualTo("Lightspeed_Sale__c"));
        Assert.That(record.ExternalIdField, Is.EqualTo("Lightspeed_Sale_Id__c"));
        Assert.That(record["Status__c"], Is.EqualTo("Completed"));
        Assert.That(record["Is_Refund__c"], Is.EqualTo(false));
        Assert.That(record["Total__c"], Is.EqualTo(10.8m));
        Assert.That(record["Tax__c"], Is.EqualTo(0.8m));
        Assert.That(record["Currency_Code__c"], Is.EqualTo("GBP"));
        Assert.That(record["Sale_Time__c"], Is.EqualTo(T0));
        Assert.That(record["Ticket_Number__c"], Is.EqualTo("220000000002"));
        Assert.That(record["Channel__c"], Is.EqualTo("POS"));
        Assert.That(record["Store_Code__c"], Is.EqualTo("S120645_1"), "the store's code, for the per-store sharing rules");
        Assert.That(record.ReferenceFor("Store__c")!.ColumnName, Is.EqualTo("Store__r.Lightspeed_Shop_Id__c"));
        Assert.That(record.ReferenceFor("Store__c")!.ParentExternalId.Value, Is.EqualTo("120645-1"));
    }

    [Test]
    public void Sale_WalkIn_ClearsBothCustomerLookups()
    {
        var record = DefaultMappings.Sale.Map(new SaleMappingSource(NormalizedSale(Sale(customer: null)), null));

        Assert.That(record.HasField("Contact__c") && record["Contact__c"] is null, Is.True);
        Assert.That(record.HasField("Lead__c") && record["Lead__c"] is null, Is.True);
        Assert.That(record.ReferenceFor("Contact__c"), Is.Null);
    }

    [Test]
    public void Sale_CustomerKnownContact_LinksContactById()
    {
        var contact = SalesforceId.Parse("003000000000001");

        var record = DefaultMappings.Sale.Map(new SaleMappingSource(NormalizedSale(Sale()), new CustomerLink(CustomerObjectType.Contact, contact)));

        Assert.That(record["Contact__c"], Is.EqualTo(contact));
        Assert.That(record["Lead__c"], Is.Null);
        Assert.That(record.ReferenceFor("Contact__c"), Is.Null);
    }

    [Test]
    public void Sale_CustomerLeadWithoutId_LinksLeadByExternalId()
    {
        var record = DefaultMappings.Sale.Map(new SaleMappingSource(NormalizedSale(Sale()), new CustomerLink(CustomerObjectType.Lead, null)));

        Assert.That(record.HasField("Lead__c"), Is.False);
        Assert.That(record.ReferenceFor("Lead__c")!.ColumnName, Is.EqualTo("Lead__r.Lightspeed_Customer_Id__c"));
        Assert.That(record.ReferenceFor("Lead__c")!.ParentExternalId.Value, Is.EqualTo("120645-7"));
        Assert.That(record["Contact__c"], Is.Null);
    }

    [Test]
    public void Sale_VoidedEcomRefund_StatusVoidedRefundWeb()
    {
        var sale = Sale(status: SaleStatus.Voided, total: -10.8m, lines: [Line("101", quantity: -1, parent: "100")], payments: [Payment("201", amount: -10.8m, kind: PaymentKind.Ecom)]);

        var record = DefaultMappings.Sale.Map(new SaleMappingSource(NormalizedSale(sale), null));

        Assert.That(record["Status__c"], Is.EqualTo("Voided"));
        Assert.That(record["Is_Refund__c"], Is.EqualTo(true));
        Assert.That(record["Channel__c"], Is.EqualTo("Web"));
    }

    [Test]
    public void SaleLine_RefundLine_ReferencesSaleProductAndOriginalLine()
    {
        var line = NormalizedSale(Sale(lines: [Line("101", quantity: -1, parent: "100", total: -10m)])).Lines[0];

        var record = DefaultMappings.SaleLine.Map(line);

        Assert.That(record.ObjectName, Is.EqualTo("Lightspeed_Sale_Line__c"));
        Assert.That(record["Quantity__c"], Is.EqualTo(-1m));
        Assert.That(record["Line_Total__c"], Is.EqualTo(-10m));
        Assert.That(record.References.Select(r => (r.ColumnName, r.ParentExternalId.Value)), Is.EqualTo(new[]
        {
            ("Sale__r.Lightspeed_Sale_Id__c", "120645-42"),
            ("Product__r.Lightspeed_Item_Id__c", "120645-5"),
            ("Original_Line__r.Lightspeed_Sale_Line_Id__c", "120645-100"),
        }));
    }

    [Test]
    public void SaleLine_MiscLine_NoProductReference()
    {
        var record = DefaultMappings.SaleLine.Map(NormalizedSale(Sale(lines: [Line("100", item: null)])).Lines[0]);

        Assert.That(record.ReferenceFor("Product__c"), Is.Null);
        Assert.That(record.ReferenceFor("Original_Line__c"), Is.Null);
    }

    [Test]
    public void Payment_SalePayment_MapsAmountTypeAndSale()
    {
        var record = DefaultMappings.Payment.Map(NormalizedSale(Sale()).Payments[0]);

        Assert.That(record.ObjectName, Is.EqualTo("Lightspeed_Payment__c"));
        Assert.That(record["Amount__c"], Is.EqualTo(10.8m));
        Assert.That(record["Payment_Type__c"], Is.EqualTo("Cash"));
        Assert.That(record["Paid_At__c"], Is.EqualTo(T0));
        Assert.That(record.References.Single().ColumnName, Is.EqualTo("Sale__r.Lightspeed_Sale_Id__c"));
    }
}
