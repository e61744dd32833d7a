using Lightbridge.Core.Model;

namespace Lightbridge.Core.Tests.Model;

public sealed class LightspeedIdTests
{
    [TestCase("0")]
    [TestCase(" 0 ")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void FromWire_NoRecordValue_ReturnsNull(string? wire)
    {
        Assert.That(LightspeedId.FromWire(wire), Is.Null);
    }

    [Test]
    public void FromWire_Id_KeepsTheWireValue()
    {
        var id = LightspeedId.FromWire("42");

        Assert.That(id, Is.Not.Null);
        Assert.That(id!.Value.Value, Is.EqualTo("42"));
        Assert.That(id.Value.ToString(), Is.EqualTo("42"));
    }

    [Test]
    public void Constructor_ZeroWireValue_Throws()
    {
        Assert.That(() => new LightspeedId("0"), Throws.ArgumentException);
    }

    [Test]
    public void Equality_SameWireValue_AreEqual()
    {
        var seven = new LightspeedId("7");
        var alsoSeven = LightspeedId.FromWire(" 7 ");

        Assert.That(alsoSeven, Is.EqualTo(seven));
        Assert.That(LightspeedId.FromWire("70"), Is.Not.EqualTo(seven));
    }

    [Test]
    public void Id_IsItsOwnType_NotAString()
    {
        // The point of the wrapper: an id is not interchangeable with any string.
        Assert.That(typeof(LightspeedId).IsValueType, Is.True);
        Assert.That(typeof(LightspeedId).IsAssignableTo(typeof(string)), Is.False);
    }
}
