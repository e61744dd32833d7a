namespace Lightbridge.Salesforce.Tests.Limits;

public sealed class ApiLimitsTests
{
    [Test]
    public void Parse_LimitsBody_ReadsEachMaxAndRemaining()
    {
        const string body = """
            {"DailyApiRequests":{"Max":15000,"Remaining":14998,"Lightbridge":{"Max":0,"Remaining":0}},
             "DailyBulkApiBatches":{"Max":15000,"Remaining":15000},
             "HourlyPublishedPlatformEvents":{"Max":250000,"Remaining":249990}}
            """;

        var limits = ApiLimits.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(limits.DailyApiRequests, Is.EqualTo(new ApiLimit(15000, 14998)));
            Assert.That(limits.DailyApiRequests!.Used, Is.EqualTo(2));
            Assert.That(limits.DailyBulkApiBatches, Is.EqualTo(new ApiLimit(15000, 15000)));
            Assert.That(limits.Find("HourlyPublishedPlatformEvents"), Is.EqualTo(new ApiLimit(250000, 249990)));
            Assert.That(limits.Find("Nope"), Is.Null);
            Assert.That(limits.All, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void Parse_EntryWithoutNumbers_Skipped()
    {
        var limits = ApiLimits.Parse("""{"Odd":{"Max":"many"},"DailyApiRequests":{"Max":10,"Remaining":3}}""");

        Assert.That(limits.All.Keys, Is.EqualTo(new[] { "DailyApiRequests" }));
    }
}
