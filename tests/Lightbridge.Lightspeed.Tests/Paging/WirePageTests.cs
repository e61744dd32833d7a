using System.Text;
using System.Text.Json;
using Lightbridge.Lightspeed.Paging;
using Lightbridge.Lightspeed.Wire.Dtos;

namespace Lightbridge.Lightspeed.Tests.Paging;

public sealed class WirePageTests
{
    private static WirePage Read(string json, string entity) => WirePage.Read(Encoding.UTF8.GetBytes(json), entity);

    private static string Id(WireRecord record, string field) => record.ToElement().GetProperty(field).GetString()!;

    [Test]
    public void Read_ListPage_ReturnsEveryRecordAndTheNextLink()
    {
        var page = Read("""
            {"@attributes":{"next":"http://127.0.0.1/x?after=WzEwMF0=","previous":""},"Customer":[{"customerID":"1"},{"customerID":"2"}]}
            """, "Customer");

        Assert.That(page.Records.Select(r => Id(r, "customerID")), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(page.Next, Is.EqualTo("http://127.0.0.1/x?after=WzEwMF0="));
    }

    [Test]
    public void Read_OneMatch_ComesAsObject_ReturnsOne()
    {
        var page = Read("""{"@attributes":{"next":"","previous":""},"Sale":{"saleID":"9"}}""", "Sale");

        Assert.That(page.Records, Has.Count.EqualTo(1));
        Assert.That(Id(page.Records[0], "saleID"), Is.EqualTo("9"));
        Assert.That(page.Next, Is.Null);
    }

    [Test]
    public void Read_EmptyPage_HasNoEntityKey_ReturnsNone()
    {
        var page = Read("""{"@attributes":{"next":"","previous":""}}""", "Sale");

        Assert.That(page.Records, Is.Empty);
        Assert.That(page.Next, Is.Null);
    }

    [Test]
    public void Read_SingleGet_WithCountAttribute_ReturnsTheRecord()
    {
        var page = Read("""{"@attributes":{"count":"1"},"Customer":{"customerID":"7"}}""", "Customer");

        Assert.That(page.Records, Has.Count.EqualTo(1));
        Assert.That(page.Next, Is.Null);
    }

    [Test]
    public void Read_EntityKeyAsEmptyString_ReturnsNone()
    {
        Assert.That(Read("""{"@attributes":{"next":""},"Sale":""}""", "Sale").Records, Is.Empty);
    }

    [Test]
    public void Read_RecordsAreTheBytesAsSent_NestedValuesAndEscapesIncluded()
    {
        const string record = """{"saleID":"1","note":"a \"quoted\" \u00e9","SaleLines":{"SaleLine":[{"x":[1,{"y":null}]}]}}""";
        var page = Read("{\"@attributes\":{\"next\":\"\"},\"Sale\":[" + record + ",\n  " + record + "]}", "Sale");

        Assert.That(page.Records.Select(r => r.RawText), Is.EqualTo(new[] { record, record }));
    }

    [Test]
    public void Read_ArrayWithValuesThatAreNotObjects_KeepsOnlyTheObjects()
    {
        var page = Read("""{"Sale":[{"saleID":"1"},"",null,7,[{"saleID":"x"}],{"saleID":"2"}]}""", "Sale");

        Assert.That(page.Records.Select(r => Id(r, "saleID")), Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public void Read_EntityKeyInAnotherCase_IsFound_ButAnExactKeyWins()
    {
        Assert.That(Read("""{"sale":{"saleID":"1"}}""", "Sale").Records, Has.Count.EqualTo(1));

        var both = Read("""{"sale":{"saleID":"1"},"Sale":[{"saleID":"2"},{"saleID":"3"}]}""", "Sale");
        Assert.That(both.Records.Select(r => Id(r, "saleID")), Is.EqualTo(new[] { "2", "3" }));
    }

    [Test]
    public void Read_RootNotAnObject_ReturnsNone()
    {
        Assert.That(Read("""[{"saleID":"1"}]""", "Sale").Records, Is.Empty);
        Assert.That(Read("\"maintenance\"", "Sale").Records, Is.Empty);
    }

    [TestCase("")]
    [TestCase("{\"Sale\":{\"saleID\":\"1\"}")]
    [TestCase("{\"Sale\":{\"saleID\":\"1\"}} trailing")]
    [TestCase("<html><body>Bad gateway</body></html>")]
    [TestCase("{\"Sale\":[{\"saleID\":\"1\",}]}")]
    public void Read_NotOneValidJsonValue_Throws(string body)
    {
        Assert.That(() => Read(body, "Sale"), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void Read_NestingDeeperThanTheReaderAllows_Throws()
    {
        var deep = "{\"Sale\":{\"saleID\":\"1\",\"x\":" + new string('[', 200) + new string(']', 200) + "}}";

        Assert.That(() => Read(deep, "Sale"), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void ReadAs_EveryRecordReadable_CarriesItsDtoAndItsBytes()
    {
        const string first = """{"saleVoidID":"1","saleID":"10","shopID":"1"}""";
        const string second = """{"saleVoidID":"2","saleID":"11","shopID":"2"}""";
        var page = WirePage.ReadAs<SaleVoidDto>(Encoding.UTF8.GetBytes("{\"@attributes\":{\"next\":\"http://n\"},\"SaleVoid\":[" + first + "," + second + "]}"), "SaleVoid");

        Assert.That(page.Next, Is.EqualTo("http://n"));
        Assert.That(page.Records.Select(r => r.RawText), Is.EqualTo(new[] { first, second }));
        var dto = page.Records[1].Deserialize<SaleVoidDto>();
        Assert.That((dto.SaleVoidId, dto.SaleId, dto.ShopId), Is.EqualTo(("2", "11", "2")));
        Assert.That(page.Records[1].Deserialize<SaleVoidDto>(), Is.SameAs(dto), "read with the page, not again");
    }

    [Test]
    public void ReadAs_OneRecordUnreadable_ReadsThePageAgainSoOnlyThatRecordFails()
    {
        // The wire DTOs read every shape of value tolerantly; a strict type stands in for a record the reader refuses.
        const string bad = """{"count":"many"}""";
        var body = Encoding.UTF8.GetBytes("{\"Tally\":[{\"count\":1}," + bad + ",{\"count\":\"3\"}]}");

        var page = WirePage.ReadAs<StrictTally>(body, "Tally");

        Assert.That(page.Records, Has.Count.EqualTo(3));
        Assert.That(page.Records[0].Deserialize<StrictTally>().Count, Is.EqualTo(1));
        Assert.That(page.Records[2].Deserialize<StrictTally>().Count, Is.EqualTo(3));
        Assert.That(() => page.Records[1].Deserialize<StrictTally>(), Throws.InstanceOf<JsonException>());
        Assert.That(page.Records[1].RawText, Is.EqualTo(bad));
    }

    [Test]
    public void ReadAs_NotJson_ThrowsAsRead()
    {
        Assert.That(() => WirePage.ReadAs<SaleDto>(Encoding.UTF8.GetBytes("{\"Sale\":[{\"saleID\":\"1\"}"), "Sale"), Throws.InstanceOf<JsonException>());
    }

    private sealed class StrictTally
    {
        [System.Text.Json.Serialization.JsonPropertyName("count")]
        public int Count { get; init; }
    }
}
