using System.Text.Json;
using Lightbridge.Salesforce.Records;

namespace Lightbridge.Salesforce.Tests.Records;

public sealed class RecordJsonWriterTests
{
    [Test]
    public void ToJson_DateOnly_WrittenAsIsoDate()
    {
        Assert.That(RecordJsonWriter.ToJson(Fields(("Birthdate", new DateOnly(2024, 5, 1)))), Is.EqualTo("""{"Birthdate":"2024-05-01"}"""));
    }

    [Test]
    public void ToJson_DateTimeOffsetWithOffset_WrittenInUtcWithMillisecondsAndZ()
    {
        var saleTime = new DateTimeOffset(2002, 10, 10, 12, 0, 0, 5, TimeSpan.FromHours(5));

        Assert.That(RecordJsonWriter.ToJson(Fields(("Sale_Time__c", saleTime))), Is.EqualTo("""{"Sale_Time__c":"2002-10-10T07:00:00.005Z"}"""));
    }

    [Test]
    public void ToJson_UtcDateTime_WrittenWithZ()
    {
        var paidAt = new DateTime(2024, 5, 1, 23, 59, 59, 999, DateTimeKind.Utc);

        Assert.That(RecordJsonWriter.ToJson(Fields(("Paid_At__c", paidAt))), Is.EqualTo("""{"Paid_At__c":"2024-05-01T23:59:59.999Z"}"""));
    }

    [Test]
    public void ToJson_UnspecifiedKindDateTime_RefusedNamingTheField()
    {
        var ex = Assert.Throws<ArgumentException>(() => RecordJsonWriter.ToJson(Fields(("Paid_At__c", new DateTime(2024, 5, 1)))));

        Assert.That(ex!.Message, Does.Contain("Paid_At__c"));
    }

    [Test]
    [SetCulture("de-DE")]
    public void ToJson_DecimalsUnderACommaCulture_WrittenInvariantWithScaleKept()
    {
        var json = RecordJsonWriter.ToJson(Fields(("Total__c", 1234.50m), ("Tax__c", -0.07m), ("Quantity__c", 3), ("Rate__c", 0.25)));

        Assert.That(json, Is.EqualTo("""{"Total__c":1234.50,"Tax__c":-0.07,"Quantity__c":3,"Rate__c":0.25}"""));
    }

    [Test]
    public void ToJson_Null_WrittenAsJsonNullToClearTheField()
    {
        Assert.That(RecordJsonWriter.ToJson(Fields(("Phone", null))), Is.EqualTo("""{"Phone":null}"""));
    }

    [Test]
    public void ToJson_ExternalIdReference_WrittenAsRelationshipObject()
    {
        var json = RecordJsonWriter.ToJson(Fields(("Store__r", new ExternalIdReference("Lightspeed_Shop_Id__c", "42-7"))));

        Assert.That(json, Is.EqualTo("""{"Store__r":{"Lightspeed_Shop_Id__c":"42-7"}}"""));
    }

    [Test]
    public void ToJson_PolymorphicReference_CarriesParentType()
    {
        var json = RecordJsonWriter.ToJson(Fields(("Who", new ExternalIdReference("Email", "a@example.com") { SObjectType = "Lead" })));

        Assert.That(json, Is.EqualTo("""{"Who":{"attributes":{"type":"Lead"},"Email":"a@example.com"}}"""));
    }

    [Test]
    public void ToJson_WithTypeAndSkippedKey_TypeFirstAndKeyLeftOut()
    {
        var json = RecordJsonWriter.ToJson(
            Fields(("Lightspeed_Sale_Id__c", "1-9"), ("Is_Refund__c", false), ("Channel__c", "POS")),
            sObjectType: "Lightspeed_Sale__c",
            skipField: "Lightspeed_Sale_Id__c");

        Assert.That(json, Is.EqualTo("""{"attributes":{"type":"Lightspeed_Sale__c"},"Is_Refund__c":false,"Channel__c":"POS"}"""));
    }

    [Test]
    public void ToJson_StringWithQuotesAndUnicode_RoundTrips()
    {
        var json = RecordJsonWriter.ToJson(Fields(("LastName", "O'Brien \"Zoë\"")));

        using var document = JsonDocument.Parse(json);
        Assert.That(document.RootElement.GetProperty("LastName").GetString(), Is.EqualTo("O'Brien \"Zoë\""));
    }

    [Test]
    public void ToJson_AttributesKeyGiven_Refused()
    {
        Assert.Throws<ArgumentException>(() => RecordJsonWriter.ToJson(Fields(("attributes", "x"))));
    }

    [Test]
    public void ToJson_UnsupportedType_RefusedNamingFieldAndType()
    {
        var ex = Assert.Throws<ArgumentException>(() => RecordJsonWriter.ToJson(Fields(("Tags__c", new List<string> { "a" }))));

        Assert.That(ex!.Message, Does.Contain("Tags__c").And.Contain("List"));
    }

    [Test]
    public void ToJson_NaN_Refused()
    {
        Assert.Throws<ArgumentException>(() => RecordJsonWriter.ToJson(Fields(("Score__c", double.NaN))));
    }

    private static Dictionary<string, object?> Fields(params (string Name, object? Value)[] fields)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var (name, value) in fields)
        {
            dictionary.Add(name, value);
        }

        return dictionary;
    }
}
