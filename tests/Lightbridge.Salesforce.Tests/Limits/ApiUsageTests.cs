namespace Lightbridge.Salesforce.Tests.Limits;

public sealed class ApiUsageTests
{
    [Test]
    public void Parse_OrgUsageOnly_ReadsUsedAndMax()
    {
        var usage = ApiUsage.Parse("api-usage=18/5000");

        Assert.That(usage, Is.EqualTo(new ApiUsage(18, 5000)));
        Assert.That(usage.PerApp, Is.Null);
        Assert.That(usage.Fraction, Is.EqualTo(18.0 / 5000));
    }

    [Test]
    public void Parse_WithPerAppUsage_ReadsBothAndAppName()
    {
        var usage = ApiUsage.Parse("api-usage=18/5000; per-app-api-usage=17/250(appName=lightbridge)");

        Assert.Multiple(() =>
        {
            Assert.That(usage.Used, Is.EqualTo(18));
            Assert.That(usage.Max, Is.EqualTo(5000));
            Assert.That(usage.PerApp, Is.EqualTo(new ApiUsage(17, 250)));
            Assert.That(usage.AppName, Is.EqualTo("lightbridge"));
            Assert.That(usage.HighestFraction, Is.EqualTo(17.0 / 250), "the per-app allowance runs out first");
        });
    }

    [Test]
    public void Parse_WithApiBursts_IgnoresTheBurstSegment()
    {
        var usage = ApiUsage.Parse("api-usage=10018/100000; api-bursts=1/750");

        Assert.That(usage, Is.EqualTo(new ApiUsage(10018, 100000)));
    }

    [TestCase("api-usage=18/5000,per-app-api-usage=17/250(appName=x)")]
    [TestCase(" api-usage = 18/5000 ;per-app-api-usage=17/250(appName=x) ")]
    public void Parse_OddSeparatorsAndSpaces_StillRead(string header)
    {
        var usage = ApiUsage.Parse(header);

        Assert.That(usage.Used, Is.EqualTo(18));
        Assert.That(usage.PerApp?.Max, Is.EqualTo(250));
    }

    [TestCase("")]
    [TestCase("per-app-api-usage=17/250(appName=x)")]
    [TestCase("api-usage=eighteen/5000")]
    [TestCase("api-usage=18")]
    [TestCase("api-usage=-1/5000")]
    public void Parse_NoReadableOrgUsage_ThrowsFormatException(string header)
    {
        Assert.Throws<FormatException>(() => ApiUsage.Parse(header));
    }

    [Test]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.That(ApiUsage.TryParse(null, out var usage), Is.False);
        Assert.That(usage, Is.Null);
    }

    [Test]
    public void Fraction_MaxZero_Zero()
    {
        Assert.That(new ApiUsage(5, 0).Fraction, Is.Zero);
    }
}
