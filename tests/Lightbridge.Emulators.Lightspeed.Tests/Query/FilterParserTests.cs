using Lightbridge.Emulators.Lightspeed.Query;

namespace Lightbridge.Emulators.Lightspeed.Tests.Query;

public sealed class FilterParserTests
{
    [TestCase(">=,2021-10-05T14:18:46+00:00", "GreaterOrEqual", "2021-10-05T14:18:46+00:00")]
    [TestCase(">,5", "GreaterThan", "5")]
    [TestCase("<,5", "LessThan", "5")]
    [TestCase("<=,5", "LessOrEqual", "5")]
    [TestCase("!=,5", "NotEqual", "5")]
    [TestCase("~,%sock%", "Like", "%sock%")]
    [TestCase("!~,%sock%", "NotLike", "%sock%")]
    [TestCase("=,7", "Equal", "7")]
    [TestCase("7", "Equal", "7")]
    public void TryParse_OperatorInValue_ReadsOperatorAndOperand(string value, string expected, string operand)
    {
        Assert.That(FilterParser.TryParse("f", value, out var c, out var error), Is.True, error);
        Assert.That(c!.Operator.ToString(), Is.EqualTo(expected));
        Assert.That(c.Operands, Is.EqualTo(new[] { operand }));
    }

    [Test]
    public void TryParse_Between_ReadsBothBounds()
    {
        Assert.That(FilterParser.TryParse("itemID", "><,1,10", out var c, out _), Is.True);
        Assert.That(c!.Operator, Is.EqualTo(FilterOperator.Between));
        Assert.That(c.Operands, Is.EqualTo(new[] { "1", "10" }));
    }

    [Test]
    public void TryParse_InList_ReadsEveryValue()
    {
        Assert.That(FilterParser.TryParse("itemID", "IN,[1,2,3]", out var c, out _), Is.True);
        Assert.That(c!.Operator, Is.EqualTo(FilterOperator.In));
        Assert.That(c.Operands, Is.EqualTo(new[] { "1", "2", "3" }));
    }

    [Test]
    public void TryParse_InWithoutBrackets_Fails()
    {
        Assert.That(FilterParser.TryParse("itemID", "IN,1,2", out _, out var error), Is.False);
        Assert.That(error, Does.Contain("IN"));
    }

    [Test]
    public void TryParse_InWithMoreThan100Values_Fails()
    {
        var values = string.Join(",", Enumerable.Range(1, 101));
        Assert.That(FilterParser.TryParse("itemID", $"IN,[{values}]", out _, out _), Is.False);
    }

    [Test]
    public void OrParser_RawEncodedOperands_SplitsOnPipeAndDecodes()
    {
        Assert.That(OrParser.TryParse("description%3Dfoo|itemID%3D%3E%2C5", out var conditions, out var error), Is.True, error);
        Assert.That(conditions, Has.Count.EqualTo(2));
        Assert.That(conditions[0], Is.EqualTo(new FilterCondition("description", FilterOperator.Equal, ["foo"])).Using<FilterCondition>((a, b) => a.Field == b.Field && a.Operator == b.Operator && a.Operands.SequenceEqual(b.Operands)));
        Assert.That(conditions[1].Operator, Is.EqualTo(FilterOperator.GreaterThan));
        Assert.That(conditions[1].Operands[0], Is.EqualTo("5"));
    }

    [Test]
    public void OrParser_EncodedPipeInsideValue_StaysLiteral()
    {
        Assert.That(OrParser.TryParse("description%3Da%7Cb|description%3Dc", out var conditions, out _), Is.True);
        Assert.That(conditions.Select(c => c.Operands[0]), Is.EqualTo(new[] { "a|b", "c" }));
    }

    [TestCase("2021-10-05T14:18:46+00:00", "2021-10-05T14:18:46+00:00")]
    [TestCase("2021-10-05T10:18:46-0400", "2021-10-05T14:18:46+00:00")]
    [TestCase("2021-10-05T10:18:46-04:00", "2021-10-05T14:18:46+00:00")]
    [TestCase("2021-10-05", "2021-10-05T00:00:00+00:00")]
    public void TryParseDate_AcceptedForms_GiveUtcInstant(string text, string expected)
    {
        Assert.That(FieldValueParser.TryParseDate(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void TryParseDate_PlusDecodedAsSpace_Fails()
    {
        // An unencoded '+' arrives as a space; the real API then fails to read the date (reference section 4).
        Assert.That(FieldValueParser.TryParseDate("2021-10-05T14:18:46 00:00", out _), Is.False);
    }

    [Test]
    public void LikePattern_PercentWildcards_MatchCaseInsensitively()
    {
        var regex = LikePattern.ToRegex("%crew SOCKS%");
        Assert.That(regex.IsMatch("Merino Crew Socks - L"), Is.True);
        Assert.That(regex.IsMatch("Merino Beanie"), Is.False);
    }
}
