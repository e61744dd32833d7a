using System.Text.Json;
using Lightbridge.Salesforce.Collections;

namespace Lightbridge.Salesforce.Tests.Collections;

public sealed class CollectionUpsertRequestWriterTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, object?>> Records =
    [
        new Dictionary<string, object?> { ["Lightspeed_Sale_Id__c"] = "1-100", ["Total__c"] = 10.00m },
        new Dictionary<string, object?> { ["Lightspeed_Sale_Id__c"] = "1-101", ["Total__c"] = 12.5m, ["Store__r"] = new ExternalIdReference("Lightspeed_Shop_Id__c", "1-1") },
        new Dictionary<string, object?> { ["Lightspeed_Sale_Id__c"] = "1-102", ["Total__c"] = null },
    ];

    [Test]
    public void Write_Positions_OnlyThoseRecordsWithTypeAndKeyAndAllOrNone()
    {
        var json = CollectionUpsertRequestWriter.Write(Records, [1, 2], "Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", allOrNone: false);

        Assert.That(json, Is.EqualTo(
            """{"allOrNone":false,"records":[""" +
            """{"attributes":{"type":"Lightspeed_Sale__c"},"Lightspeed_Sale_Id__c":"1-101","Total__c":12.5,"Store__r":{"Lightspeed_Shop_Id__c":"1-1"}},""" +
            """{"attributes":{"type":"Lightspeed_Sale__c"},"Lightspeed_Sale_Id__c":"1-102","Total__c":null}]}"""));
    }

    [Test]
    public void Write_AllOrNone_FlagSet()
    {
        var json = CollectionUpsertRequestWriter.Write(Records, [0], "Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", allOrNone: true);

        using var document = JsonDocument.Parse(json);
        Assert.That(document.RootElement.GetProperty("allOrNone").GetBoolean(), Is.True);
    }

    [Test]
    public void ExternalIdOf_MissingKey_RefusedNamingPositionAndField()
    {
        var record = new Dictionary<string, object?> { ["Total__c"] = 1m };

        var ex = Assert.Throws<ArgumentException>(() => CollectionUpsertRequestWriter.ExternalIdOf(record, "Lightspeed_Sale_Id__c", 7));

        Assert.That(ex!.Message, Does.Contain("Record 7").And.Contain("Lightspeed_Sale_Id__c"));
    }

    [Test]
    public void ExternalIdOf_NumericKey_InvariantText()
    {
        var record = new Dictionary<string, object?> { ["Legacy_Id__c"] = 123456789L };

        Assert.That(CollectionUpsertRequestWriter.ExternalIdOf(record, "Legacy_Id__c", 0), Is.EqualTo("123456789"));
    }
}
