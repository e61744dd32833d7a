using Lightbridge.Lightspeed.Http;

namespace Lightbridge.Lightspeed.Tests.Http;

public sealed class LightspeedRoutesTests
{
    private static readonly LightspeedRoutes Routes = new(new Uri("http://127.0.0.1:5123"), "120645");

    [Test]
    public void List_WithQuery_KeepsEncodingExactlyInTheRequestUri()
    {
        var query = new LightspeedQuery()
            .Where("timeStamp", FilterOperator.GreaterThanOrEqual, new DateTimeOffset(2021, 10, 5, 14, 18, 46, TimeSpan.Zero))
            .LoadRelations("Contact");

        var uri = Routes.List("Customer", query);

        // PathAndQuery is what goes on the wire: nothing unescaped, nothing escaped twice.
        Assert.That(
            uri.PathAndQuery,
            Is.EqualTo("/API/V3/Account/120645/Customer.json?timeStamp=%3E%3D%2C2021-10-05T14%3A18%3A46%2B00%3A00&load_relations=%5B%22Contact%22%5D"));
    }

    [Test]
    public void Accounts_IsTheAccountListPath()
    {
        Assert.That(Routes.Accounts().AbsoluteUri, Is.EqualTo("http://127.0.0.1:5123/API/V3/Account.json"));
    }

    [Test]
    public void Record_IsEntityIdJson()
    {
        Assert.That(Routes.Record("Sale", "42", null).PathAndQuery, Is.EqualTo("/API/V3/Account/120645/Sale/42.json"));
    }

    [Test]
    public void List_EntityWithPathCharacters_Throws()
    {
        Assert.That(() => Routes.List("../Sale", null), Throws.ArgumentException);
    }

    [Test]
    public void NextLink_AsUri_IsSentVerbatim()
    {
        const string next = "http://127.0.0.1:5123/API/V3/Account/120645/Sale.json?timeStamp=%3E%3D%2C2021-10-05T14%3A18%3A46%2B00%3A00&sort=timeStamp&limit=100&after=WyIyMDIxLTExLTAxVDE0OjU1OjUxKzAwOjAwIiw1NDRd";

        var uri = new Uri(next, UriKind.Absolute);

        Assert.That(uri.AbsoluteUri, Is.EqualTo(next));
    }

    [Test]
    public void CostKey_IgnoresCursorButKeepsRelations()
    {
        var first = new Uri("http://127.0.0.1/API/V3/Account/1/Sale.json?load_relations=%5B%22SaleLines%22%5D&limit=100");
        var later = new Uri("http://127.0.0.1/API/V3/Account/1/Sale.json?load_relations=%5B%22SaleLines%22%5D&limit=100&after=WzEwMF0%3D");
        var plain = new Uri("http://127.0.0.1/API/V3/Account/1/Sale.json?limit=100");

        Assert.That(LightspeedHttpPipeline.CostKey(later), Is.EqualTo(LightspeedHttpPipeline.CostKey(first)));
        Assert.That(LightspeedHttpPipeline.CostKey(plain), Is.Not.EqualTo(LightspeedHttpPipeline.CostKey(first)));
    }
}
