using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Sync.Mapping;
using static Lightbridge.Sync.Tests.Mapping.SampleRecords;

namespace Lightbridge.Sync.Tests.Mapping;

public sealed class OpportunityProfileTests
{
    private static readonly CompiledMappings Mappings = new MappingCompiler().Compile(new MappingOptions { Profile = MappingProfile.Opportunity });

    [Test]
    public void Compile_OpportunityProfile_SalesToOpportunityAndLinesToLineItemsWithoutPayments()
    {
        Assert.That(Mappings.Profile, Is.EqualTo(MappingProfile.Opportunity));
        Assert.That(Mappings.Sale.ObjectName, Is.EqualTo("Opportunity"));
        Assert.That(Mappings.SaleLine.ObjectName, Is.EqualTo("OpportunityLineItem"));
        Assert.That(Mappings.Payment, Is.Null);
    }

    [Test]
    public void Sale_CompletedSaleOfKnownContact_MapsOpportunityFields()
    {
        var record = Mappings.Sale.Map(new SaleMappingSource(Sale(), new CustomerLink(CustomerObjectType.Contact, ContactId)));

        Assert.That(record.ExternalIdField, Is.EqualTo("Lightspeed_Sale_Id__c"));
        Assert.That(record.ExternalId.Value, Is.EqualTo("120645-42"));
        Assert.That(record.Fields.Select(f => f.Name), Is.EqualTo(new[] { "Name", "StageName", "CloseDate", "Amount", "ContactId" }));
        Assert.That(record["Name"], Is.EqualTo("Lightspeed sale 220000000002"));
        Assert.That(record["StageName"], Is.EqualTo("Closed Won"));
        Assert.That(record["CloseDate"], Is.EqualTo(new DateOnly(2026, 3, 1)));
        Assert.That(record["Amount"], Is.EqualTo(10.8m));
        Assert.That(record["ContactId"], Is.EqualTo(ContactId));
        Assert.That(record.References.Select(r => (r.ColumnName, r.ParentExternalId.Value)), Is.EqualTo(new[]
        {
            ("Lightspeed_Store__r.Lightspeed_Shop_Id__c", "120645-1"),
        }));
    }

    [Test]
    public void Sale_Refund_NamedAsARefundAndClosedWonWithItsNegativeTotal()
    {
        var refund = SaleSources()[^1].Sale;
        var record = Mappings.Sale.Map(new SaleMappingSource(refund with { Status = SaleStatus.Completed }, null));

        Assert.That(record["Name"], Is.EqualTo("Lightspeed refund 220000000002"));
        Assert.That(record["StageName"], Is.EqualTo("Closed Won"));
        Assert.That(record["Amount"], Is.EqualTo(-10.8m));
    }

    [Test]
    public void Sale_VoidedLateEveningSaleInToronto_ClosedLostOnTheShopsLocalDate()
    {
        // 02:30 UTC on 1 March is 21:30 on 29 February in Toronto.
        var sale = Sale(status: SaleStatus.Voided, timeZone: "America/Toronto", completedAt: new DateTimeOffset(2024, 3, 1, 2, 30, 0, TimeSpan.Zero));

        var record = Mappings.Sale.Map(new SaleMappingSource(sale, new CustomerLink(CustomerObjectType.Contact, null)));

        Assert.That(record["StageName"], Is.EqualTo("Closed Lost"));
        Assert.That(record["CloseDate"], Is.EqualTo(new DateOnly(2024, 2, 29)));
        Assert.That(record.HasField("ContactId"), Is.False);
        Assert.That(record.ReferenceFor("ContactId")!.ColumnName, Is.EqualTo("Contact.Lightspeed_Customer_Id__c"));
        Assert.That(record.ReferenceFor("ContactId")!.ParentExternalId.Value, Is.EqualTo("120645-7"));
    }

    [Test]
    public void SaleLine_Line_MapsLineItemWithItsTotalAndItsOpportunityAndPriceByExternalId()
    {
        var record = Mappings.SaleLine.Map(Sale(lines: [Line("100", total: 10.8m)]).Lines[0]);

        Assert.That(record.ObjectName, Is.EqualTo("OpportunityLineItem"));
        Assert.That(record.ExternalIdField, Is.EqualTo("Lightspeed_Sale_Line_Id__c"));
        Assert.That(record.Fields.Select(f => f.Name), Is.EqualTo(new[] { "Quantity", "TotalPrice" }), "one price only: Salesforce refuses both");
        Assert.That(record["Quantity"], Is.EqualTo(1m));
        Assert.That(record["TotalPrice"], Is.EqualTo(10.8m), "the line's total, tax included, so the opportunity's amount is what the shopper paid");
        Assert.That(record.References.Select(r => (r.ColumnName, r.ParentExternalId.Value)), Is.EqualTo(new[]
        {
            ("Opportunity.Lightspeed_Sale_Id__c", "120645-42"),
            ("PricebookEntry.Lightspeed_Item_Id__c", "120645-5"),
        }));
    }

    [Test]
    public void SaleLine_MiscLine_PricedFromTheMiscellaneousItem()
    {
        var record = Mappings.SaleLine.Map(Sale(lines: [Line("102", item: null)]).Lines[0]);

        Assert.That(record.ReferenceFor("PricebookEntryId")!.ParentExternalId.Value, Is.EqualTo("120645-misc"));
    }

    [Test]
    public void StandardPrice_Item_MapsItsDefaultPriceActiveAndItsProduct()
    {
        var priced = Mappings.StandardPrice!.Map(Items()[0]);
        var unpriced = Mappings.StandardPrice.Map(Items()[1]);

        Assert.That(priced.ObjectName, Is.EqualTo("PricebookEntry"));
        Assert.That(priced.ExternalIdField, Is.EqualTo("Lightspeed_Item_Id__c"));
        Assert.That(priced.ExternalId.Value, Is.EqualTo("120645-5"));
        Assert.That(priced["UnitPrice"], Is.EqualTo(12m));
        Assert.That(priced["IsActive"], Is.EqualTo(true));
        Assert.That(unpriced["UnitPrice"], Is.EqualTo(0m), "an entry needs a price; an item without one is listed at 0");
        Assert.That(unpriced["IsActive"], Is.EqualTo(true), "archived items keep an active price: their old sales still need lines");
        Assert.That(priced.ReferenceFor("Product2Id")!.ColumnName, Is.EqualTo("Product2.Lightspeed_Item_Id__c"));
    }

    [Test]
    public void Compile_CustomObjectsProfile_KeepsNoStandardPrices() =>
        Assert.That(new MappingCompiler().Compile(new MappingOptions()).StandardPrice, Is.Null);

    [Test]
    public void Compile_OpportunityOverrides_PricebookAndDescriptionApplied()
    {
        var options = new MappingOptions { Profile = MappingProfile.Opportunity };
        options.Overrides["Opportunity"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Pricebook2Id"] = "'01s000000000001'",
            ["Description"] = "Store {{ sale.shop_external_id }}, {{ sale.line_count }} line(s)",
        };

        var record = new MappingCompiler().Compile(options).Sale.Map(new SaleMappingSource(Sale(), null));

        Assert.That(record["Pricebook2Id"], Is.EqualTo(SalesforceId.Parse("01s000000000001")));
        Assert.That(record["Description"], Is.EqualTo("Store 120645-1, 1 line(s)"));
    }

    [Test]
    public void Compile_CustomObjectOverrideUnderOpportunityProfile_Throws()
    {
        var options = new MappingOptions { Profile = MappingProfile.Opportunity };
        options.Overrides["Lightspeed_Sale__c"] = new() { ["Total__c"] = "sale.total" };

        var e = Assert.Throws<MappingConfigurationException>(() => new MappingCompiler().Compile(options));

        Assert.That(e!.Setting, Is.EqualTo("Mapping:Overrides:Lightspeed_Sale__c"));
    }
}
