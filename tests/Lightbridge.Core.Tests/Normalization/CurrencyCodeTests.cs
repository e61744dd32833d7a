using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Tests.Normalization;

public sealed class CurrencyCodeTests
{
    [Test]
    public void Parse_LowerCaseWithSpaces_UpperCases()
    {
        Assert.That(CurrencyCode.Parse(" usd ").Value, Is.EqualTo("USD"));
    }

    [TestCase(null)]
    [TestCase("US")]
    [TestCase("US1")]
    [TestCase("EURO")]
    public void TryParse_NotThreeLetters_ReturnsFalse(string? value)
    {
        Assert.That(CurrencyCode.TryParse(value, out _), Is.False);
    }
}
