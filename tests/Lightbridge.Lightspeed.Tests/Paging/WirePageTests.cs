using System.Text.Json;
using Lightbridge.Lightspeed.Paging;

namespace Lightbridge.Lightspeed.Tests.Paging;

public sealed class WirePageTests
{
    [Test]
    public void Records_ListPage_ReturnsEveryRecord()
    {
        using var page = JsonDocument.Parse("""
            {"@attributes":{"next":"http://127.0.0.1/x?after=WzEwMF0=","previous":""},"Customer":[{"customerID":"1"},{"customerID":"2"}]}
            """);

        Assert.That(WirePage.Records(page.RootElement, "Customer"), Has.Count.EqualTo(2));
        Assert.That(WirePage.Next(page.RootElement), Is.EqualTo("http://127.0.0.1/x?after=WzEwMF0="));
    }

    [Test]
    public void Records_OneMatch_ComesAsObject_ReturnsOne()
    {
        using var page = JsonDocument.Parse("""{"@attributes":{"next":"","previous":""},"Sale":{"saleID":"9"}}""");

        var records = WirePage.Records(page.RootElement, "Sale");

        Assert.That(records, Has.Count.EqualTo(1));
        Assert.That(records[0].GetProperty("saleID").GetString(), Is.EqualTo("9"));
        Assert.That(WirePage.Next(page.RootElement), Is.Null);
    }

    [Test]
    public void Records_EmptyPage_HasNoEntityKey_ReturnsNone()
    {
        using var page = JsonDocument.Parse("""{"@attributes":{"next":"","previous":""}}""");

        Assert.That(WirePage.Records(page.RootElement, "Sale"), Is.Empty);
        Assert.That(WirePage.Next(page.RootElement), Is.Null);
    }

    [Test]
    public void Records_SingleGet_WithCountAttribute_ReturnsTheRecord()
    {
        using var page = JsonDocument.Parse("""{"@attributes":{"count":"1"},"Customer":{"customerID":"7"}}""");

        Assert.That(WirePage.Records(page.RootElement, "Customer"), Has.Count.EqualTo(1));
        Assert.That(WirePage.Next(page.RootElement), Is.Null);
    }

    [Test]
    public void Records_EntityKeyAsEmptyString_ReturnsNone()
    {
        using var page = JsonDocument.Parse("""{"@attributes":{"next":""},"Sale":""}""");

        Assert.That(WirePage.Records(page.RootElement, "Sale"), Is.Empty);
    }
}
