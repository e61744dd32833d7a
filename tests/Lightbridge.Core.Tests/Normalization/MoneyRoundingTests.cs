using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Tests.Normalization;

public sealed class MoneyRoundingTests
{
    [TestCase("2.345", "2.35")]
    [TestCase("-2.345", "-2.35")]
    [TestCase("2.344", "2.34")]
    [TestCase("75.032", "75.03")]
    [TestCase("11.4860025", "11.49")]
    [TestCase("0.005", "0.01")]
    public void ToCurrency_Midpoint_RoundsAwayFromZero(string amount, string expected)
    {
        Assert.That(MoneyRounding.ToCurrency(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void ToQuantity_FiveDecimals_RoundsToFour()
    {
        Assert.That(MoneyRounding.ToQuantity(1.23455m), Is.EqualTo(1.2346m));
    }

    [Test]
    public void Fits_FourteenIntegerDigits_FitsCurrency()
    {
        Assert.That(MoneyRounding.Fits(99_999_999_999_999.99m, 16, 2), Is.True);
        Assert.That(MoneyRounding.Fits(-99_999_999_999_999.99m, 16, 2), Is.True);
    }

    [Test]
    public void Fits_FifteenIntegerDigitsOrRoundingUp_DoesNotFit()
    {
        Assert.That(MoneyRounding.Fits(100_000_000_000_000m, 16, 2), Is.False);
        Assert.That(MoneyRounding.Fits(99_999_999_999_999.995m, 16, 2), Is.False);
    }
}
