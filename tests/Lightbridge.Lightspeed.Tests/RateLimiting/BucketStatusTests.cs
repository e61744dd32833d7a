using Lightbridge.Lightspeed.RateLimiting;

namespace Lightbridge.Lightspeed.Tests.RateLimiting;

public sealed class BucketStatusTests
{
    [Test]
    public void Parse_FractionalLevel_IsKept()
    {
        var status = BucketStatus.Parse("75.898271799086/90", "1", "1", "1/20");

        Assert.That(status, Is.Not.Null);
        Assert.That(status!.Value.Level, Is.EqualTo(75.898271799086).Within(1e-12));
        Assert.That(status.Value.Size, Is.EqualTo(90));
        Assert.That(status.Value.DripRate, Is.EqualTo(1));
        Assert.That(status.Value.RequestCost, Is.EqualTo(1));
        Assert.That(status.Value.BurstLimit, Is.EqualTo(20));
    }

    [Test]
    public void Parse_FractionalDripAndCost_AreKept()
    {
        var status = BucketStatus.Parse("1.4/110", "2.5", "1.2", null);

        Assert.That(status!.Value.DripRate, Is.EqualTo(2.5));
        Assert.That(status.Value.RequestCost, Is.EqualTo(1.2));
        Assert.That(status.Value.BurstLimit, Is.Null);
    }

    [TestCase(null, "1")]
    [TestCase("", "1")]
    [TestCase("garbage", "1")]
    [TestCase("5/0", "1")]
    public void Parse_MissingOrBrokenLevel_IsNull(string? level, string? drip)
    {
        Assert.That(BucketStatus.Parse(level, drip, "1", null), Is.Null);
    }

    [TestCase(null)]
    [TestCase("x")]
    public void Parse_MissingDrip_KeepsTheLevelWithZeroDrip(string? drip)
    {
        var status = BucketStatus.Parse("5/90", drip, null, null);

        Assert.That(status, Is.EqualTo(new BucketStatus(5, 90, 0, null, null)));
    }

    [Test]
    public void FromHeaders_NamesInAnyCase_AreFound()
    {
        var headers = new[]
        {
            Header("x-ls-api-bucket-level", "12.5/60"),
            Header("X-LS-API-DRIP-RATE", "1"),
            Header("X-Ls-Api-Request-Cost", "2"),
            Header("x-ls-api-burst-level", "3/20"),
            Header("Cf-Ray", "abc"),
        };

        var status = BucketStatus.FromHeaders(headers);

        Assert.That(status, Is.EqualTo(new BucketStatus(12.5, 60, 1, 2, 20)));
    }

    [Test]
    public void Parse_UsesInvariantCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
        try
        {
            Assert.That(BucketStatus.Parse("1.5/90", "0.5", null, null)!.Value.Level, Is.EqualTo(1.5));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    private static KeyValuePair<string, IEnumerable<string>> Header(string name, string value) => new(name, [value]);
}
