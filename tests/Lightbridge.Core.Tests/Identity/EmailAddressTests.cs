using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Tests.Identity;

public sealed class EmailAddressTests
{
    [Test]
    public void ToString_Address_MasksLocalPart()
    {
        var email = EmailNormalizer.Normalize("jane.doe@example.com").Email!;

        Assert.That(email.ToString(), Is.EqualTo("j***@example.com"));
        Assert.That(email.Value, Is.EqualTo("jane.doe@example.com"));
        Assert.That(email.Domain, Is.EqualTo("example.com"));
    }

    [Test]
    public void Equality_SameNormalizedAddress_Equal()
    {
        Assert.That(EmailNormalizer.Normalize(" Jane@Example.COM").Email, Is.EqualTo(EmailNormalizer.Normalize("jane@example.com").Email));
    }
}
