using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Model;
using Lightbridge.Sync.Pipelines.Sales;

namespace Lightbridge.Sync.Tests.Sales;

[TestFixture]
public sealed class SalesforceIdValuesTests
{
    private static readonly ExternalId Key = new(new LightspeedId("1"), new LightspeedId("2"));

    [Test]
    public void AsText_IdValue_BecomesItsEighteenCharacterText()
    {
        var contact = SalesforceId.Parse("003000000000002");
        var record = new SalesforceRecord("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", Key, [new("Contact__c", contact), new("Total__c", 12.5m)], []);

        var text = SalesforceIdValues.AsText(record);

        Assert.That(text["Contact__c"], Is.EqualTo(contact.Value));
        Assert.That(text["Total__c"], Is.EqualTo(12.5m));
    }

    [Test]
    public void AsText_NoIdValue_ReturnsTheSameRecord()
    {
        var record = new SalesforceRecord("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", Key, [new("Contact__c", null)], []);

        Assert.That(SalesforceIdValues.AsText(record), Is.SameAs(record));
    }
}
