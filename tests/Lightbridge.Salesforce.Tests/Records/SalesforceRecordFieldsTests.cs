using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Model;

namespace Lightbridge.Salesforce.Tests.Records;

/// <summary>A mapped record as the field values the REST and Bulk writers take.</summary>
[TestFixture]
public sealed class SalesforceRecordFieldsTests
{
    private static readonly ExternalId Key = new(new LightspeedId("1"), new LightspeedId("2"));

    [Test]
    public void ToFields_SalesforceIdValue_WrittenAsItsEighteenCharacterText()
    {
        var contact = SalesforceId.Parse("003000000000002");
        var record = new SalesforceRecord("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", Key, [new("Contact__c", contact), new("Total__c", 12.5m)], []);

        var fields = record.ToFields();

        Assert.That(fields["Contact__c"], Is.EqualTo(contact.Value).And.Length.EqualTo(18));
        Assert.That(fields["Total__c"], Is.EqualTo(12.5m));
        Assert.That(fields["Lightspeed_Sale_Id__c"], Is.EqualTo("1-2"));
    }

    [Test]
    public void ToFields_ReferenceAndPlainValueOfOneLookup_ReferenceWins()
    {
        var store = new ExternalId(new LightspeedId("1"), new LightspeedId("7"));
        var record = new SalesforceRecord(
            "Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", Key, [new("Store__c", null)],
            [new RelationshipReference("Store__c", "Lightspeed_Store__c", "Lightspeed_Shop_Id__c", store)]);

        var fields = record.ToFields();

        Assert.That(fields.ContainsKey("Store__c"), Is.False);
        Assert.That(fields["Store__r"], Is.EqualTo(new ExternalIdReference("Lightspeed_Shop_Id__c", "1-7")));
    }
}
