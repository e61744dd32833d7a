using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Tests.Identity;

public sealed class ExternalIdTests
{
    [Test]
    public void Value_AccountAndEntity_FormatsAccountDashEntity()
    {
        var id = new ExternalId(new LightspeedId("120645"), new LightspeedId("42"));

        Assert.That(id.Value, Is.EqualTo("120645-42"));
        Assert.That(id.ToString(), Is.EqualTo("120645-42"));
    }

    [Test]
    public void Parse_FormattedValue_RoundTrips()
    {
        var id = ExternalId.Parse("120645-42");

        Assert.That(id.AccountId, Is.EqualTo(new LightspeedId("120645")));
        Assert.That(id.EntityId, Is.EqualTo(new LightspeedId("42")));
        Assert.That(id, Is.EqualTo(new ExternalId(new LightspeedId("120645"), new LightspeedId("42"))));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("42")]
    [TestCase("-42")]
    [TestCase("120645-")]
    [TestCase("0-42")]
    [TestCase("120645-0")]
    [TestCase(" 120645-42")]
    public void TryParse_MalformedValue_ReturnsFalse(string? value)
    {
        Assert.That(ExternalId.TryParse(value, out _), Is.False);
        Assert.That(() => ExternalId.Parse(value!), Throws.InstanceOf<Exception>());
    }

    [Test]
    public void TryParse_DifferentAccounts_AreDifferentIds()
    {
        Assert.That(ExternalId.Parse("1-42"), Is.Not.EqualTo(ExternalId.Parse("2-42")));
    }

    [Test]
    public void Constructor_AccountWithDash_Throws()
    {
        Assert.That(() => new ExternalId(new LightspeedId("1-2"), new LightspeedId("3")), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_LongerThanField_Throws()
    {
        Assert.That(() => new ExternalId(new LightspeedId("1"), new LightspeedId(new string('9', 63))), Throws.ArgumentException);
        Assert.That(new ExternalId(new LightspeedId("1"), new LightspeedId(new string('9', 62))).Value, Has.Length.EqualTo(64));
    }
}
