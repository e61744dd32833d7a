using Lightbridge.Core.Failures;
using Lightbridge.Core.Validation;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Validation;

public sealed class WireDecimalTests
{
    [TestCase("75.032", "75.032")]
    [TestCase("-10", "-10")]
    [TestCase(" 3.50 ", "3.50")]
    [TestCase("", "0")]
    [TestCase(null, "0")]
    public void Parse_WireDecimal_ParsesInvariant(string? raw, string expected)
    {
        var value = WireDecimal.Parse(raw, SyncEntity.SaleLine, Id("1"), "calcTotal", out var failure);

        Assert.That(value, Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(failure, Is.Null);
    }

    [TestCase("12,50")]
    [TestCase("abc")]
    [TestCase("true")]
    public void Parse_NotADecimal_FailsMoneyParses(string raw)
    {
        var value = WireDecimal.Parse(raw, SyncEntity.SaleLine, Id("1"), "calcTotal", out var failure);

        Assert.That(value, Is.Null);
        Assert.That(failure!.Rule, Is.EqualTo(ValidationRules.MoneyParses));
        Assert.That(failure.Field, Is.EqualTo("calcTotal"));
        Assert.That(failure.Message, Does.Contain("SaleLine 1"));
    }
}
