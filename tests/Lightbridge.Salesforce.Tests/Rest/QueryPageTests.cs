using System.Text.Json;
using Lightbridge.Salesforce.Rest;

namespace Lightbridge.Salesforce.Tests.Rest;

public sealed class QueryPageTests
{
    [Test]
    public void Parse_FirstOfSeveralPages_ReadsLocatorAndStripsAttributes()
    {
        const string body = """
            {"totalSize":4000,"done":false,"nextRecordsUrl":"/services/data/v62.0/query/01gxx0000002cJJAAY-2000",
             "records":[{"attributes":{"type":"Contact","url":"/services/data/v62.0/sobjects/Contact/003xx000004TmiQAAS"},
                         "Id":"003xx000004TmiQAAS","Email":"a@example.com"}]}
            """;

        var page = QueryPage.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(page.TotalSize, Is.EqualTo(4000));
            Assert.That(page.Done, Is.False);
            Assert.That(page.NextRecordsUrl, Is.EqualTo("/services/data/v62.0/query/01gxx0000002cJJAAY-2000"));
            Assert.That(page.Records.Single().GetRawText(), Is.EqualTo("""{"Id":"003xx000004TmiQAAS","Email":"a@example.com"}"""));
        });
    }

    [Test]
    public void Parse_ParentAndChildRelationships_AttributesStrippedAtEveryDepthAndNullParentKept()
    {
        const string body = """
            {"totalSize":1,"done":true,"records":[
              {"attributes":{"type":"Lightspeed_Sale__c","url":"/x"},"Name":"LSS-000001",
               "Store__r":{"attributes":{"type":"Lightspeed_Store__c","url":"/y"},"Store_Code__c":"S1"},
               "Contact__r":null,
               "Lines__r":{"totalSize":1,"done":true,"records":[{"attributes":{"type":"Lightspeed_Sale_Line__c","url":"/z"},"Quantity__c":2.0}]}}]}
            """;

        var record = QueryPage.Parse(body).Records.Single();

        Assert.That(
            record.GetRawText(),
            Is.EqualTo("""{"Name":"LSS-000001","Store__r":{"Store_Code__c":"S1"},"Contact__r":null,"Lines__r":{"totalSize":1,"done":true,"records":[{"Quantity__c":2.0}]}}"""));
    }

    [Test]
    public void Parse_CountQuery_TotalSizeWithNoRecords()
    {
        var page = QueryPage.Parse("""{"totalSize":42,"done":true,"records":[]}""");

        Assert.That(page.TotalSize, Is.EqualTo(42));
        Assert.That(page.Records, Is.Empty);
        Assert.That(page.NextRecordsUrl, Is.Null);
    }

    [Test]
    public void Parse_NotDoneWithoutNextUrl_ProtocolError()
    {
        Assert.Throws<SalesforceApiException>(() => QueryPage.Parse("""{"totalSize":3000,"done":false,"records":[]}"""));
    }

    [Test]
    public void Parse_NotJson_ApiException()
    {
        Assert.Throws<SalesforceApiException>(() => QueryPage.Parse("<html/>"));
    }

    [Test]
    public void Parse_Records_SurviveTheirDocument()
    {
        var record = QueryPage.Parse("""{"totalSize":1,"done":true,"records":[{"Id":"a"}]}""").Records[0];

        Assert.That(record.GetProperty("Id").GetString(), Is.EqualTo("a"));
        Assert.That(record.ValueKind, Is.EqualTo(JsonValueKind.Object));
    }
}
