using static Lightbridge.Salesforce.Tests.EndToEnd.UpsertEndToEndTests;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>Publishing the package's platform event (reference §3.6).</summary>
[TestFixture]
public sealed class PlatformEventEndToEndTests
{
    [Test]
    public async Task PublishEventAsync_ResyncRequest_EnqueuedOnce()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();

        await client.PublishEventAsync("Lightspeed_Resync_Request__e", Fields(("Scope__c", "Customer"), ("Lightspeed_Id__c", "42"), ("From__c", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))));

        Assert.That(org.Control.PublishedEvents.Select(e => e.EventName), Is.EqualTo(new[] { "Lightspeed_Resync_Request__e" }));
        Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.PublishEvent), Is.EqualTo(1));
    }

    [Test]
    public async Task PublishEventAsync_RequiredFieldMissing_ThrowsWithTheCode()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client();

        var ex = Assert.ThrowsAsync<SalesforceApiException>(() => client.PublishEventAsync("Lightspeed_Resync_Request__e", Fields(("Reason__c", "no scope"))));

        Assert.That(ex!.ErrorCode, Is.EqualTo("REQUIRED_FIELD_MISSING"));
        Assert.That(org.Control.PublishedEvents, Is.Empty);
    }
}
