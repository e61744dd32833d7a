namespace Lightbridge.Salesforce.Tests.Records;

public sealed class SoqlTests
{
    [TestCase("plain", "'plain'")]
    [TestCase("O'Brien", @"'O\'Brien'")]
    [TestCase(@"back\slash", @"'back\\slash'")]
    [TestCase(@"\'", @"'\\\''")]
    [TestCase("line\nbreak\ttab", @"'line\nbreak\ttab'")]
    [TestCase("say \"hi\"", "'say \\\"hi\\\"'")]
    [TestCase("", "''")]
    public void Quote_Value_EscapedSoItCannotEndTheLiteral(string value, string expected)
    {
        Assert.That(Soql.Quote(value), Is.EqualTo(expected));
    }

    [Test]
    public void Quote_InjectionAttempt_StaysOneLiteral()
    {
        var literal = Soql.Quote("x' OR Name != '");

        Assert.That(literal, Is.EqualTo(@"'x\' OR Name != \''"));
    }

    [Test]
    public void InList_Values_QuotedDistinctInOrder()
    {
        Assert.That(Soql.InList(["a@example.com", "o'neil@example.com", "a@example.com"]), Is.EqualTo(@"('a@example.com','o\'neil@example.com')"));
    }

    [Test]
    public void InList_Empty_Refused()
    {
        Assert.Throws<ArgumentException>(() => Soql.InList([]));
    }

    [Test]
    public void Date_Value_UnquotedIsoDate()
    {
        Assert.That(Soql.Date(new DateOnly(2024, 2, 29)), Is.EqualTo("2024-02-29"));
    }

    [Test]
    public void DateTime_WithOffsetAndFraction_UtcWholeSecondsWithZ()
    {
        var value = new DateTimeOffset(2024, 5, 1, 10, 15, 30, 987, TimeSpan.FromHours(-4));

        Assert.That(Soql.DateTime(value), Is.EqualTo("2024-05-01T14:15:30Z"));
    }

    [Test]
    public void Number_Decimal_Invariant()
    {
        Assert.That(Soql.Number(-1234.5m), Is.EqualTo("-1234.5"));
        Assert.That(Soql.Boolean(true), Is.EqualTo("true"));
    }
}
