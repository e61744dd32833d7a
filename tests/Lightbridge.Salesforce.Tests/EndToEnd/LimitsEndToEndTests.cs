using Lightbridge.Emulators.Salesforce.Control;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>API usage as the org reports it in <c>Sforce-Limit-Info</c> and <c>/limits</c>, the client's pause near the cap, and the cap itself (reference §2.7).</summary>
[TestFixture]
public sealed class LimitsEndToEndTests
{
    [Test]
    public async Task AnyCall_SforceLimitInfo_TrackedInStatistics()
    {
        await using var org = await EmulatedOrg.StartAsync(o => o.DailyApiLimit = 5_000);
        org.Control.SetApiUsage(1_234);
        var client = org.Client();

        var limits = await client.GetLimitsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(client.Statistics.LastApiUsage, Is.EqualTo(new ApiUsage(1_235, 5_000)));
            Assert.That(limits.DailyApiRequests!.Max, Is.EqualTo(5_000));
            Assert.That(limits.DailyApiRequests!.Remaining, Is.EqualTo(5_000 - 1_235));
            Assert.That(client.Statistics.ApiCalls(SalesforceApiCallKind.Limits), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task NextCall_UsagePastThreshold_PausesOnTheClientClockBeforeSending()
    {
        await using var org = await EmulatedOrg.StartAsync(o => o.DailyApiLimit = 1_000);
        org.Control.SetApiUsage(950);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));
        var client = org.Client(apiUsagePause: TimeSpan.FromMinutes(5), time: time);

        await client.GetLimitsAsync();
        var callsAfterFirst = org.Control.ApiCallsToday;
        var second = client.GetLimitsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(client.Statistics.ApiUsagePauses, Is.EqualTo(1));
            Assert.That(second.IsCompleted, Is.False, "the call waits out the pause");
            Assert.That(org.Control.ApiCallsToday, Is.EqualTo(callsAfterFirst), "nothing was sent during the pause");
        });
        time.Advance(TimeSpan.FromMinutes(5));
        await second;
        Assert.That(org.Control.ApiCallsToday, Is.EqualTo(callsAfterFirst + 1));
    }

    [Test]
    public async Task AnyCall_DailyAllocationSpent_ThrowsRequestLimitExceeded()
    {
        await using var org = await EmulatedOrg.StartAsync(o => o.DailyApiLimit = 1_000);
        org.Control.SetApiUsage(1_000);
        var client = org.Client();

        var ex = Assert.ThrowsAsync<SalesforceRequestLimitExceededException>(async () => await client.QueryAsync("SELECT Id FROM Lightspeed_Store__c").ToListAsync());

        Assert.That(ex!.ErrorCode, Is.EqualTo("REQUEST_LIMIT_EXCEEDED"));
        Assert.That(ex.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AnyCall_RequestLimitFaultInjected_ThrowsWithoutRetrying()
    {
        await using var org = await EmulatedOrg.StartAsync();
        org.Control.SetFaults(new FaultSettings { RequestLimitExceeded = true });
        var client = org.Client();

        Assert.ThrowsAsync<SalesforceRequestLimitExceededException>(() => client.GetLimitsAsync());

        Assert.That(client.Statistics.TransientRetries, Is.Zero, "a spent allocation is not a transient fault");
    }
}
