using System.Net;
using System.Net.Http.Headers;
using Lightbridge.Emulators.Lightspeed;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Lightspeed.Tests.EndToEnd;

/// <summary>The 2026 leaky bucket and the burst limiter (shared/reference/lightspeed-api.md §5).</summary>
[TestFixture]
public sealed class RateLimitTests
{
    [Test]
    public async Task FullPull_BucketAtRealParametersTimeScaled_DrawsNoRateLimit()
    {
        // Real bucket size and drip, a clock twenty times faster: small pages force ~500 requests,
        // several bucketfuls, so the throttle must pace the pull to stay clear of 429s.
        await using var account = await EmulatedAccount.StartAsync(o =>
        {
            o.Bucket = BucketMode.Fast;
            o.TimeScale = 20;
            o.Customers = 2_500;
            o.Items = 200;
            o.Sales = 1_200;
        });
        var client = account.Client;

        var shops = await client.GetShopsAsync().ToListAsync();
        var items = await client.GetItemsAsync(new LightspeedQuery().Archived(ArchivedFilter.Include).Limit(25)).ToListAsync();
        var stock = await client.GetItemShopsAsync(new LightspeedQuery().Limit(50)).ToListAsync();
        var customers = await client.GetCustomersAsync(new LightspeedQuery().Archived(ArchivedFilter.Include).Limit(10)).ToListAsync();
        var sales = await client.GetSalesAsync(new LightspeedQuery().Limit(10)).ToListAsync();

        var counters = account.Emulator.Control.GetCounters();
        Assert.That(shops, Has.Count.EqualTo(3));
        Assert.That(items, Has.Count.EqualTo(200));
        Assert.That(customers, Has.Count.EqualTo(2_500));
        Assert.That(sales, Has.Count.EqualTo(1_200));
        Assert.That(stock, Is.Not.Empty);
        var extraRegisters = account.Emulator.Control.RegisterCount - 1;
        var bucketSize = 90 + (10 * extraRegisters);
        Assert.That((double)counters.TotalDrips, Is.GreaterThan(3 * bucketSize), $"enough cost to overflow the bucket several times without a throttle ({counters.TotalRequests} requests)");
        Assert.That(counters.TotalThrottled, Is.Zero);
        Assert.That(client.Statistics.RateLimitedResponses, Is.Zero);
        Assert.That(client.Statistics.ThrottleWaitTotal, Is.GreaterThan(TimeSpan.Zero), "the throttle had to wait");
    }

    [Test]
    public async Task BucketOverflowedByAnotherCaller_Client_WaitsRetryAfterAndSucceeds()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var account = await EmulatedAccount.StartAsync(o => { o.Bucket = BucketMode.Real; o.TimeProvider = clock; });
        await account.Client.GetShopsAsync().ToListAsync();
        await OverflowBucketAsync(account);

        // The emulator's clock is frozen: the bucket cannot drain until the test lets time pass.
        var pull = account.Client.GetCustomersAsync().ToListAsync().AsTask();
        await WaitUntilAsync(() => account.Client.Statistics.RateLimitedResponses > 0);
        clock.Advance(TimeSpan.FromMinutes(5));
        var customers = await pull;

        Assert.That(customers, Is.Not.Empty);
        Assert.That(account.Client.Statistics.RateLimitedResponses, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task BurstLimiterHit_Client_WaitsAtLeastASecondAndSucceeds()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var account = await EmulatedAccount.StartAsync(o => { o.Bucket = BucketMode.Real; o.TimeProvider = clock; });
        await account.Client.GetShopsAsync().ToListAsync();
        var token = account.Tokens.Current.AccessToken!;

        // Fill this one-second window with cheap requests from "another worker" until the burst limiter answers.
        using var http = new HttpClient();
        var burstHit = false;
        for (var i = 0; i < 200 && !burstHit; i++)
        {
            using var response = await SendAsync(http, account, token, "Shop.json");
            burstHit = response.StatusCode == HttpStatusCode.TooManyRequests
                && response.Headers.TryGetValues("X-LS-API-RateLimit-Type", out var type) && type.Single() == "api-burst-limiter";
        }

        Assert.That(burstHit, Is.True, "the emulator's burst limiter answered");
        var pull = account.Client.GetShopsAsync().ToListAsync().AsTask();
        await WaitUntilAsync(() => account.Client.Statistics.RateLimitedResponses > 0);
        clock.Advance(TimeSpan.FromSeconds(2));
        var shops = await pull;

        Assert.That(shops, Has.Count.EqualTo(3));
        Assert.That(account.Client.Statistics.BurstRateLimitedResponses, Is.GreaterThanOrEqualTo(1));
    }

    private static async Task OverflowBucketAsync(EmulatedAccount account)
    {
        using var http = new HttpClient();
        var token = account.Tokens.Current.AccessToken!;
        for (var i = 0; i < 60; i++)
        {
            // count=1 costs 10 drips; the first overflowing request is still served, the rest get 429.
            using var response = await SendAsync(http, account, token, "Customer.json?count=1");
            if (response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.TryGetValues("X-LS-API-RateLimit-Type", out var type) && type.Single() == "api-leaky-bucket")
            {
                return;
            }
        }

        Assert.Fail("the bucket never overflowed");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, EmulatedAccount account, string token, string pathAndQuery)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(account.Emulator.BaseUrl, $"/API/V3/Account/{account.Emulator.AccountId}/{pathAndQuery}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Polls real time briefly: the client is waiting on a Retry-After that only the fake clock can end.
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        Assert.That(condition(), Is.True, "condition not reached within 30 s");
    }
}
