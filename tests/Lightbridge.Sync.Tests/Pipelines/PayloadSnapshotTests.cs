using Lightbridge.Core.Model;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

[TestFixture]
public sealed class PayloadSnapshotTests
{
    [Test]
    public void Of_CatalogRecord_KeepsIdsAndValues()
    {
        var row = new ItemShop(new LightspeedId("12"), new LightspeedId("3"), new LightspeedId("1"), 7m, 2m, 10m, null);

        var text = PayloadSnapshot.Of(row);

        Assert.That(text, Does.Contain("\"Id\":\"12\"").And.Contain("\"ShopId\":\"1\"").And.Contain("\"QuantityOnHand\":7"));
    }

    [Test]
    public void Of_PersonalFields_Masked()
    {
        var text = PayloadSnapshot.Of(new { Email = "jane@example.com", MobilePhone = "+14165550134", Nested = new { HomeAddress = "1 Main St" }, Name = "Jane" });

        Assert.That(text, Does.Not.Contain("jane@example.com").And.Not.Contain("5550134").And.Not.Contain("Main St"));
        Assert.That(text, Does.Contain("\"Email\":\"***\""));
    }
}
