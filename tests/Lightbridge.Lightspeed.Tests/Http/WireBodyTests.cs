using System.Text;
using Lightbridge.Lightspeed.Http;

namespace Lightbridge.Lightspeed.Tests.Http;

public sealed class WireBodyTests
{
    [Test]
    public void ToUtf8_ValidUtf8_IsTheSameBytes()
    {
        var body = Encoding.UTF8.GetBytes("""{"firstName":"Zoë"}""");

        Assert.That(WireBody.ToUtf8(body, "utf-8"), Is.SameAs(body));
        Assert.That(WireBody.ToUtf8(body, null), Is.SameAs(body));
    }

    [Test]
    public void ToUtf8_ByteOrderMark_IsDropped()
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{}")).ToArray();

        Assert.That(Encoding.UTF8.GetString(WireBody.ToUtf8(body, null)), Is.EqualTo("{}"));
    }

    [Test]
    public void ToUtf8_InvalidSequence_BecomesAReplacementCharacter()
    {
        var body = Encoding.UTF8.GetBytes("""{"firstName":"Zo?"}""");
        body[Array.IndexOf(body, (byte)'?')] = 0xFF;

        Assert.That(Encoding.UTF8.GetString(WireBody.ToUtf8(body, null)), Is.EqualTo("{\"firstName\":\"Zo\uFFFD\"}"));
    }

    [Test]
    public void ToUtf8_DeclaredLatin1_IsDecoded()
    {
        var body = Encoding.Latin1.GetBytes("""{"firstName":"Zoë"}""");

        Assert.That(Encoding.UTF8.GetString(WireBody.ToUtf8(body, "ISO-8859-1")), Is.EqualTo("""{"firstName":"Zoë"}"""));
    }
}
