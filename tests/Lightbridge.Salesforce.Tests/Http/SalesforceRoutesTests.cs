using Lightbridge.Salesforce.Http;

namespace Lightbridge.Salesforce.Tests.Http;

public sealed class SalesforceRoutesTests
{
    private readonly SalesforceRoutes _routes = new("v62.0");

    [Test]
    public void Upsert_ValueWithReservedCharacters_PercentEncoded()
    {
        Assert.That(
            _routes.Upsert("Contact", "Lightspeed_Customer_Id__c", "12/3 #4"),
            Is.EqualTo("/services/data/v62.0/sobjects/Contact/Lightspeed_Customer_Id__c/12%2F3%20%234"));
    }

    [Test]
    public void Query_Soql_EncodedIntoQueryString()
    {
        Assert.That(
            _routes.Query("SELECT Id FROM Contact WHERE Email = 'a+b@x.com'", includeDeleted: false),
            Is.EqualTo("/services/data/v62.0/query?q=SELECT%20Id%20FROM%20Contact%20WHERE%20Email%20%3D%20%27a%2Bb%40x.com%27"));
    }

    [Test]
    public void Query_IncludeDeleted_UsesQueryAll()
    {
        Assert.That(_routes.Query("SELECT Id FROM Contact", includeDeleted: true), Does.StartWith("/services/data/v62.0/queryAll?q="));
    }

    [Test]
    public void CollectionsUpsert_ObjectAndField_CompositeSobjectsPath()
    {
        Assert.That(
            _routes.CollectionsUpsert("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c"),
            Is.EqualTo("/services/data/v62.0/composite/sobjects/Lightspeed_Sale__c/Lightspeed_Sale_Id__c"));
    }

    [TestCase("Contact/../../x")]
    [TestCase("Contact?x=1")]
    [TestCase("")]
    public void SObject_NotAnApiName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => _routes.SObject(name));
    }

    [TestCase("003xx000004TmiQ")]
    [TestCase("003xx000004TmiQAAS")]
    public void Record_FifteenOrEighteenCharacterId_Accepted(string id)
    {
        Assert.That(_routes.Record("Contact", id), Is.EqualTo("/services/data/v62.0/sobjects/Contact/" + id));
    }

    [Test]
    public void NextRecords_DataPath_ReturnedAsIs()
    {
        Assert.That(SalesforceRoutes.NextRecords("/services/data/v62.0/query/01gxx0000002cJJ-2000"), Is.EqualTo("/services/data/v62.0/query/01gxx0000002cJJ-2000"));
    }

    [TestCase("https://evil.example.com/services/data/v62.0/query/01g-2000")]
    [TestCase("//evil.example.com/services/data/v62.0/query/01g-2000")]
    [TestCase("/services/data//evil")]
    public void NextRecords_AnythingButADataPath_Refused(string url)
    {
        Assert.Throws<SalesforceApiException>(() => SalesforceRoutes.NextRecords(url));
    }
}
