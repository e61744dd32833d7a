using Lightbridge.Core.Identity;

namespace Lightbridge.Core.Tests.Identity;

public sealed class SalesforceIdTests
{
    // Worked by hand: chunks "00150" and "00000" have no upper case (A, A); "Gv7qJ" has G (bit 0) and J (bit 4) = 17 = R.
    private const string Id15 = "0015000000Gv7qJ";
    private const string Id18 = "0015000000Gv7qJAAR";

    [Test]
    public void TryParse_FifteenCharacters_AddsChecksum()
    {
        Assert.That(SalesforceId.TryParse(Id15, out var id), Is.True);
        Assert.That(id.Value, Is.EqualTo(Id18));
        Assert.That(id.To15(), Is.EqualTo(Id15));
        Assert.That(id.KeyPrefix, Is.EqualTo("001"));
    }

    [Test]
    public void TryParse_EighteenCharactersWithValidChecksum_Accepted()
    {
        Assert.That(SalesforceId.Parse(Id18), Is.EqualTo(SalesforceId.Parse(Id15)));
    }

    [Test]
    public void TryParse_LowerCaseChecksum_AcceptedAndCanonical()
    {
        Assert.That(SalesforceId.Parse("0015000000Gv7qJaar").Value, Is.EqualTo(Id18));
    }

    [Test]
    public void TryParse_WrongChecksum_ReturnsFalse()
    {
        Assert.That(SalesforceId.TryParse("0015000000Gv7qJAAA", out _), Is.False);
    }

    [Test]
    public void TryParse_CaseLostInFirstFifteen_ReturnsFalse()
    {
        // Lower-cased by a case-insensitive store: the checksum no longer matches the case, so it is not this record's id.
        Assert.That(SalesforceId.TryParse("0015000000gv7qjAAR", out _), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("0015000000Gv7q")]
    [TestCase("0015000000Gv7qJA")]
    [TestCase("0015000000Gv7q-")]
    [TestCase("0015000000Gv7qJAAR1")]
    public void TryParse_NotAnId_ReturnsFalse(string? value)
    {
        Assert.That(SalesforceId.TryParse(value, out _), Is.False);
        Assert.That(() => SalesforceId.Parse(value!), Throws.InstanceOf<Exception>());
    }

    [Test]
    public void Checksum_AllUpperCase_UsesDigitsOfTheAlphabet()
    {
        // Five upper-case letters set all five bits: 31, the last character of A-Z0-5.
        Assert.That(SalesforceId.Checksum("ABCDEABCDEABCDE"), Is.EqualTo("555"));
    }
}
