using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Tests.Identity;

public sealed class PhoneNumberTests
{
    [Test]
    public void ToString_E164_MasksMiddleDigits()
    {
        Assert.That(PhoneNumber.FromE164("+441632960123").ToString(), Is.EqualTo("+44*******123"));
        Assert.That(PhoneNumber.FromE164("+15555550100").ToString(), Is.EqualTo("+15******100"));
    }

    [TestCase("441632960123")]
    [TestCase("+0441632960")]
    [TestCase("+4416329")]
    [TestCase("+4416329601234567")]
    [TestCase("+44 1632 960123")]
    [TestCase("")]
    [TestCase(null)]
    public void TryFromE164_NotE164_ReturnsFalse(string? value)
    {
        Assert.That(PhoneNumber.TryFromE164(value, out _), Is.False);
    }

    [Test]
    public void Equality_SameNumber_Equal()
    {
        var first = PhoneNumber.FromE164("+441632960123");
        var second = PhoneNumber.FromE164("+441632960123");

        Assert.That(first, Is.EqualTo(second).And.Not.SameAs(second));
    }
}
