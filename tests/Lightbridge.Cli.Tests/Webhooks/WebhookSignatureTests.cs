using System.Text;
using Lightbridge.Cli.Webhooks;
using Lightbridge.Core.Failures;

namespace Lightbridge.Cli.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("type=sale.update&payload=%7B%22id%22%3A%221%22%7D");

    [Test]
    public void Verify_SignedWithTheSecret_True() =>
        Assert.That(WebhookSignature.Verify(WebhookSignature.Sign(Body, "s3cret"), Body, "s3cret"), Is.True);

    [Test]
    public void Verify_OtherSecretOrAlteredBodyOrGarbage_False()
    {
        var header = WebhookSignature.Sign(Body, "s3cret");
        Assert.That(WebhookSignature.Verify(header, Body, "other"), Is.False);
        Assert.That(WebhookSignature.Verify(header, Encoding.UTF8.GetBytes("type=customer.update"), "s3cret"), Is.False);
        Assert.That(WebhookSignature.Verify("signature=zz,algorithm=HMAC-SHA256", Body, "s3cret"), Is.False);
        Assert.That(WebhookSignature.Verify(header.Replace("HMAC-SHA256", "HMAC-SHA1", StringComparison.Ordinal), Body, "s3cret"), Is.False);
        Assert.That(WebhookSignature.Verify(null, Body, "s3cret"), Is.False);
    }

    [TestCase("sale.update", SyncEntity.Sale)]
    [TestCase("customer.update", SyncEntity.Customer)]
    [TestCase("product.update", SyncEntity.Item)]
    [TestCase("inventory.update", SyncEntity.ItemShop)]
    public void EntityOf_EachSyncedType(string type, SyncEntity entity) =>
        Assert.That(WebhookEndpoint.EntityOf(type), Is.EqualTo(entity));

    [Test]
    public void EntityOf_OtherTypes_Null() =>
        Assert.That(WebhookEndpoint.EntityOf("consignment.send"), Is.Null);
}
