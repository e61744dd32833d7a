using Lightbridge.Sync.Rollups;

namespace Lightbridge.Sync.Tests.Rollups;

[TestFixture]
public sealed class RollupQueryTests
{
    [Test]
    public void For_SumWithFilter_GroupsByTheRelationshipOverTheParents()
    {
        var rollup = new RollupDefinition("LTV", "Contact", "Lightspeed_Lifetime_Value__c", "Lightspeed_Sale__c", "Contact__c", RollupOperation.Sum, "Total__c", "Status__c = 'Completed'");

        var soql = RollupQuery.For(rollup, ["003000000000001AAA", "003000000000002AAA"]);

        Assert.That(soql, Is.EqualTo(
            "SELECT Contact__c, SUM(Total__c) FROM Lightspeed_Sale__c WHERE Contact__c IN ('003000000000001AAA','003000000000002AAA') AND (Status__c = 'Completed') GROUP BY Contact__c"));
    }

    [Test]
    public void For_CountWithoutFieldOrFilter_CountsIds()
    {
        var rollup = new RollupDefinition("Count", "Lightspeed_Store__c", "Sale_Count__c", "Lightspeed_Sale__c", "Store__c", RollupOperation.Count, null, null);

        var soql = RollupQuery.For(rollup, ["a01000000000001AAA"]);

        Assert.That(soql, Is.EqualTo("SELECT Store__c, COUNT(Id) FROM Lightspeed_Sale__c WHERE Store__c IN ('a01000000000001AAA') GROUP BY Store__c"));
    }

    [Test]
    public void For_RollupsSharingChildrenRelationshipAndFilter_OneQueryWithTheirAggregatesInOrder()
    {
        const string Filter = "Status__c = 'Completed' AND Is_Refund__c = false";
        var count = new RollupDefinition("Count", "Contact", "Purchases__c", "Lightspeed_Sale__c", "Contact__c", RollupOperation.Count, null, Filter);
        var last = new RollupDefinition("Last", "Contact", "Last__c", "Lightspeed_Sale__c", "Contact__c", RollupOperation.Max, "Sale_Time__c", Filter);

        var soql = RollupQuery.For([count, last], ["003000000000001AAA"]);

        Assert.That(soql, Is.EqualTo(
            "SELECT Contact__c, COUNT(Id), MAX(Sale_Time__c) FROM Lightspeed_Sale__c WHERE Contact__c IN ('003000000000001AAA') AND (Status__c = 'Completed' AND Is_Refund__c = false) GROUP BY Contact__c"));
    }

    [Test]
    public void For_RollupsWithDifferentFilters_Throws()
    {
        var completed = new RollupDefinition("Sum", "Contact", "Ltv__c", "Lightspeed_Sale__c", "Contact__c", RollupOperation.Sum, "Total__c", "Status__c = 'Completed'");
        var any = new RollupDefinition("Count", "Contact", "Count__c", "Lightspeed_Sale__c", "Contact__c", RollupOperation.Count, null, null);

        Assert.That(() => RollupQuery.For([completed, any], ["003000000000001AAA"]), Throws.ArgumentException);
    }

    [Test]
    public void For_QuoteInAnId_IsEscaped()
    {
        var rollup = new RollupDefinition("Max", "Contact", "Last__c", "Lightspeed_Sale__c", "Contact__c", RollupOperation.Max, "Sale_Time__c", null);

        Assert.That(RollupQuery.For(rollup, ["x' OR Name != '"]), Does.Contain(@"IN ('x\' OR Name != \'')"));
    }

    [Test]
    public void For_NoParents_Throws() =>
        Assert.That(
            () => RollupQuery.For(new RollupDefinition("Max", "Contact", "Last__c", "Lightspeed_Sale__c", "Contact__c", RollupOperation.Max, "Sale_Time__c", null), []),
            Throws.ArgumentException);
}
