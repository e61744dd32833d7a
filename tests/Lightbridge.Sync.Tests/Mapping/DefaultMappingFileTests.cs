using Lightbridge.Core.Mapping;
using Lightbridge.Sync.Mapping;
using static Lightbridge.Sync.Tests.Mapping.SampleRecords;

namespace Lightbridge.Sync.Tests.Mapping;

/// <summary>The shipped default-mapping.json reproduces Core's DefaultMappings exactly.</summary>
public sealed class DefaultMappingFileTests
{
    private static readonly CompiledMappings Mappings = new MappingCompiler().Compile(new MappingOptions());

    [Test]
    public void ReadDefault_ShippedFile_HasBothProfiles()
    {
        var document = MappingDocumentReader.ReadDefault();

        Assert.That(document.Profiles.Keys, Is.EquivalentTo(new[] { MappingProfile.CustomObjects, MappingProfile.Opportunity }));
    }

    [Test]
    public void Compile_DefaultOptions_CustomObjectsProfileWithPayments()
    {
        Assert.That(Mappings.Profile, Is.EqualTo(MappingProfile.CustomObjects));
        Assert.That(Mappings.Payment, Is.Not.Null);
        Assert.That(Mappings.Sale.ObjectName, Is.EqualTo(SalesforceSchema.Sale.ObjectName));
    }

    [Test]
    public void Store_SampleShops_SameAsCoreDefaults()
    {
        foreach (var shop in Shops())
        {
            RecordAssert.Same(Mappings.Store.Map(shop), DefaultMappings.Store.Map(shop));
        }
    }

    [Test]
    public void Product_SampleItems_SameAsCoreDefaults()
    {
        foreach (var item in Items())
        {
            RecordAssert.Same(Mappings.Product.Map(item), DefaultMappings.Product.Map(item));
        }
    }

    [Test]
    public void Inventory_SampleStock_SameAsCoreDefaults()
    {
        foreach (var stock in Stock())
        {
            RecordAssert.Same(Mappings.Inventory.Map(stock), DefaultMappings.Inventory.Map(stock));
        }
    }

    [Test]
    public void ContactAndLead_SampleCustomers_SameAsCoreDefaults()
    {
        foreach (var customer in Customers())
        {
            RecordAssert.Same(Mappings.Contact.Map(customer), DefaultMappings.Contact.Map(customer));
            RecordAssert.Same(Mappings.Lead.Map(customer), DefaultMappings.Lead.Map(customer));
        }
    }

    [Test]
    public void Sale_SampleSales_SameAsCoreDefaults()
    {
        foreach (var sale in SaleSources())
        {
            RecordAssert.Same(Mappings.Sale.Map(sale), DefaultMappings.Sale.Map(sale));
        }
    }

    [Test]
    public void SaleLineAndPayment_SampleLinesAndPayments_SameAsCoreDefaults()
    {
        foreach (var line in Lines())
        {
            RecordAssert.Same(Mappings.SaleLine.Map(line), DefaultMappings.SaleLine.Map(line));
        }

        foreach (var payment in Payments())
        {
            RecordAssert.Same(Mappings.Payment!.Map(payment), DefaultMappings.Payment.Map(payment));
        }
    }

    [Test]
    public void Compile_DefaultOptions_TargetFieldsSameAsCoreDefaults()
    {
        Assert.That(Mappings.Store.TargetFields, Is.EqualTo(DefaultMappings.Store.TargetFields));
        Assert.That(Mappings.Product.TargetFields, Is.EqualTo(DefaultMappings.Product.TargetFields));
        Assert.That(Mappings.Inventory.TargetFields, Is.EqualTo(DefaultMappings.Inventory.TargetFields));
        Assert.That(Mappings.Contact.TargetFields, Is.EqualTo(DefaultMappings.Contact.TargetFields));
        Assert.That(Mappings.Lead.TargetFields, Is.EqualTo(DefaultMappings.Lead.TargetFields));
        Assert.That(Mappings.Sale.TargetFields, Is.EqualTo(DefaultMappings.Sale.TargetFields));
        Assert.That(Mappings.SaleLine.TargetFields, Is.EqualTo(DefaultMappings.SaleLine.TargetFields));
        Assert.That(Mappings.Payment!.TargetFields, Is.EqualTo(DefaultMappings.Payment.TargetFields));
    }
}
