using Lightbridge.Sync.Rollups;

namespace Lightbridge.Sync.Tests.Rollups;

[TestFixture]
public sealed class RollupDefinitionTests
{
    [Test]
    public void TryCreate_PackageRecord_ReadsEveryValue()
    {
        var rollup = RollupDefinition.TryCreate("Contact_Lifetime_Value", "Contact", "Lightspeed_Lifetime_Value__c", "Lightspeed_Sale__c", "Contact__c", "sum", "Total__c", " Status__c = 'Completed' ", out var problem);

        Assert.That(problem, Is.Null);
        Assert.That(rollup, Is.EqualTo(new RollupDefinition("Contact_Lifetime_Value", "Contact", "Lightspeed_Lifetime_Value__c", "Lightspeed_Sale__c", "Contact__c", RollupOperation.Sum, "Total__c", "Status__c = 'Completed'")));
    }

    [Test]
    public void TryCreate_CountWithoutChildField_IsValid()
    {
        var rollup = RollupDefinition.TryCreate("Store_Sale_Count", "Lightspeed_Store__c", "Sale_Count__c", "Lightspeed_Sale__c", "Store__c", "COUNT", null, null, out _);

        Assert.That(rollup, Is.Not.Null);
        Assert.That(rollup!.ChildField, Is.Null);
        Assert.That(rollup.EmptyValue, Is.EqualTo(0m));
    }

    [TestCase("AVG", "Total__c", "Operation__c 'AVG'")]
    [TestCase("1", "Total__c", "Operation__c '1'")]
    [TestCase("MAX", null, "Child_Field__c is required for MAX")]
    [TestCase("SUM", "Total__c) FROM Contact --", "Child_Field__c 'Total__c) FROM Contact --' is not an API name")]
    public void TryCreate_UnusableRecord_NamesTheRecordAndTheField(string operation, string? childField, string expected)
    {
        var rollup = RollupDefinition.TryCreate("Broken", "Contact", "Lightspeed_Lifetime_Value__c", "Lightspeed_Sale__c", "Contact__c", operation, childField, null, out var problem);

        Assert.That(rollup, Is.Null);
        Assert.That(problem, Does.Contain("Lightspeed_Rollup__mdt Broken").And.Contain(expected));
    }

    [Test]
    public void TryCreate_ParentObjectNotAnApiName_IsRefused()
    {
        var rollup = RollupDefinition.TryCreate("Broken", "Contact WHERE", "F__c", "Lightspeed_Sale__c", "Contact__c", "SUM", "Total__c", null, out var problem);

        Assert.That(rollup, Is.Null);
        Assert.That(problem, Does.Contain("Parent_Object__c"));
    }

    [Test]
    public void EmptyValue_MaxAndMinAreEmpty()
    {
        var max = new RollupDefinition("M", "Contact", "F__c", "Lightspeed_Sale__c", "Contact__c", RollupOperation.Max, "Sale_Time__c", null);

        Assert.That(max.EmptyValue, Is.Null);
        Assert.That((max with { Operation = RollupOperation.Min }).EmptyValue, Is.Null);
        Assert.That((max with { Operation = RollupOperation.Sum }).EmptyValue, Is.EqualTo(0m));
    }
}
