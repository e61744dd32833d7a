using System.Net;
using System.Text.Json;
using Lightbridge.Core.Model;
using Lightbridge.Lightspeed.Tests.Support;

namespace Lightbridge.Lightspeed.Tests;

/// <summary>
/// The client over a real loopback socket against a scripted server: what goes on the wire and how
/// responses are handled. Full behaviour against the emulator lives in the end-to-end tests.
/// </summary>
public sealed class LightspeedClientTests
{
    private const string Bucket = "1.5/90";
    private int _tokensIssued;

    [SetUp]
    public void SetUp() => _tokensIssued = 0;

    [Test]
    public async Task GetSalesAsync_TwoPages_SendsEncodedQueryFollowsNextAndMaps()
    {
        var next = string.Empty;
        await using var server = new ScriptedHttpServer(request => request.Path switch
        {
            "/auth/oauth/token" => Token(),
            "/API/V3/Account/1/Shop.json" => Page("""{"@attributes":{"next":"","previous":""},"Shop":{"shopID":"1","name":"Main","timeZone":"US/Eastern"}}"""),
            "/API/V3/Account/1/Sale.json" when !request.Target.Contains("after=", StringComparison.Ordinal) => Page(
                $$$"""{"@attributes":{"next":"{{{next}}}","previous":""},"Sale":[{"saleID":"1","shopID":"1","customerID":"0","completed":"true","total":"5"},{"saleID":"2","shopID":"1","customerID":"5","completed":"true","voided":"true","total":"7"}]}"""),
            "/API/V3/Account/1/Sale.json" => Page("""{"@attributes":{"next":"","previous":"x"},"Sale":{"saleID":"3","shopID":"1","customerID":"5","completed":"true","total":"-2","SaleLines":{"SaleLine":{"saleLineID":"9","unitQuantity":"-1","unitPrice":"2","parentSaleLineID":"4"}}}}"""),
            _ => ScriptedResponse.Error(404, """{"message":"no route"}"""),
        });
        next = server.BaseUrl + "API/V3/Account/1/Sale.json?timeStamp=%3E%3D%2C2024-01-01T00%3A00%3A00%2B00%3A00&sort=timeStamp&after=WyIyMDI0Il0%3D";
        using var client = Client(server, out _);

        var query = new LightspeedQuery().Where("timeStamp", FilterOperator.GreaterThanOrEqual, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).SortBy("timeStamp");
        var sales = await ToListAsync(client.GetSalesAsync(query));

        Assert.That(sales.Select(s => (s.Id.Value, s.Status, s.IsWalkIn, s.IsRefund)), Is.EqualTo(new[]
        {
            ("1", SaleStatus.Completed, true, false),
            ("2", SaleStatus.Voided, false, false),
            ("3", SaleStatus.Completed, false, true),
        }));
        Assert.That(sales[0].TimeZone, Is.EqualTo("US/Eastern"));

        var saleTargets = server.Requests.Where(r => r.Path.EndsWith("/Sale.json", StringComparison.Ordinal)).Select(r => r.Target).ToList();
        Assert.That(saleTargets[0], Is.EqualTo(
            "/API/V3/Account/1/Sale.json?timeStamp=%3E%3D%2C2024-01-01T00%3A00%3A00%2B00%3A00&sort=timeStamp" +
            "&load_relations=%5B%22SaleLines%22%2C%22SalePayments%22%2C%22SalePayments.PaymentType%22%5D"));
        Assert.That(saleTargets[1], Is.EqualTo(new Uri(next).PathAndQuery), "the next link is followed verbatim");
        Assert.That(server.Requests.Where(r => r.Path.StartsWith("/API", StringComparison.Ordinal)).Select(r => r.Authorization).Distinct(),
            Is.EqualTo(new[] { "Bearer access-1" }));
        Assert.That(query.Relations, Is.Empty, "the caller's query is not modified");
    }

    [Test]
    public async Task Readers_AskForTheirRelationsAndMapEachEntity()
    {
        await using var server = new ScriptedHttpServer(request => request.Path switch
        {
            "/auth/oauth/token" => Token(),
            "/API/V3/Account.json" => Page("""{"@attributes":{"count":"1"},"Account":{"accountID":"1","name":"Demo","link":{"@attributes":{"href":"/API/V3/Account/1"}}}}"""),
            "/API/V3/Account/1/Shop.json" => Page("""{"@attributes":{"next":""},"Shop":{"shopID":"1","name":"Main","timeZone":"America/Toronto"}}"""),
            "/API/V3/Account/1/Customer.json" => Page("""{"@attributes":{"next":""},"Customer":{"customerID":"4","dob":"1984-06-21T04:00:00+00:00","Contact":{"Emails":"","Phones":""}}}"""),
            "/API/V3/Account/1/Item.json" => Page("""{"@attributes":{"next":""},"Item":{"itemID":"5","description":"Mug","ItemShops":{"ItemShop":{"itemShopID":"8","itemID":"5","shopID":"1","qoh":"3"}}}}"""),
            "/API/V3/Account/1/Sale/9.json" => Page("""{"@attributes":{"count":"1"},"Sale":{"saleID":"9","shopID":"1","completed":"true","total":"1"}}"""),
            _ => Page("""{"@attributes":{"next":"","previous":""}}"""),
        });
        using var client = Client(server, out _);

        var accounts = await ToListAsync(client.GetAccountsAsync());
        var customers = await ToListAsync(client.GetCustomersAsync());
        var items = await ToListAsync(client.GetItemsAsync(null, includeItemShops: true));
        var sale = await client.GetSaleAsync(new LightspeedId("9"));
        var voids = await ToListAsync(client.GetSaleVoidsAsync());

        Assert.That(accounts.Single(), Is.EqualTo(new Account(new LightspeedId("1"), "Demo")));
        Assert.That(customers.Single().DateOfBirth, Is.EqualTo(new DateOnly(1984, 6, 21)));
        Assert.That(items.Single().ItemShops.Single().QuantityOnHand, Is.EqualTo(3m));
        Assert.That(sale!.TimeZone, Is.EqualTo("America/Toronto"));
        Assert.That(voids, Is.Empty, "an empty page has no entity key");

        var targets = server.Requests.Select(r => r.Target).ToList();
        Assert.That(targets, Does.Contain("/API/V3/Account/1/Customer.json?load_relations=%5B%22Contact%22%5D"));
        Assert.That(targets, Does.Contain("/API/V3/Account/1/Item.json?load_relations=%5B%22ItemShops%22%5D"));
        Assert.That(targets, Does.Contain("/API/V3/Account/1/Shop.json?archived=true"));
        Assert.That(targets.Count(t => t.StartsWith("/API/V3/Account/1/Shop.json", StringComparison.Ordinal)), Is.EqualTo(1), "shop zones are fetched once");
    }

    [Test]
    public async Task GetShopsAsync_Unauthorized_RefreshesOnceAndRetries()
    {
        await using var server = new ScriptedHttpServer(request => request.Path switch
        {
            "/auth/oauth/token" => Token(),
            _ when request.Authorization == "Bearer access-1" => ScriptedResponse.Error(401, """{"httpCode":"401","message":"Access token could not be verified"}"""),
            _ => Page("""{"@attributes":{"next":""},"Shop":{"shopID":"1","name":"Main","timeZone":"UTC"}}"""),
        });
        var logger = new CapturingLogger<LightspeedClient>();
        using var client = Client(server, out var store, logger);

        var shops = await ToListAsync(client.GetShopsAsync());

        Assert.That(shops, Has.Count.EqualTo(1));
        Assert.That(client.Statistics.TokenRefreshes, Is.EqualTo(2));
        Assert.That(logger.Events.Select(e => e.Message + e.Exception), Has.None.Contains("access-").And.None.Contains("refresh-").And.None.Contains("secret"));
        Assert.That(client.Statistics.UnauthorizedResponses, Is.EqualTo(1));
        Assert.That(store.SaveCount, Is.EqualTo(2));
        Assert.That(store.Current.RefreshToken, Is.EqualTo("refresh-2"));
    }

    [Test]
    public async Task GetShopsAsync_StillUnauthorizedAfterRefresh_ThrowsAuthException()
    {
        await using var server = new ScriptedHttpServer(request => request.Path == "/auth/oauth/token"
            ? Token()
            : ScriptedResponse.Error(401, """{"message":"Access token has been revoked"}"""));
        using var client = Client(server, out _);

        var ex = Assert.ThrowsAsync<LightspeedAuthException>(async () => await ToListAsync(client.GetShopsAsync()));

        Assert.That(ex!.Message, Does.Contain("GET /API/V3/Account/1/Shop.json").And.Not.Contain("access-"));
        Assert.That(client.Statistics.TokenRefreshes, Is.EqualTo(2), "one refresh per request, not a loop");
    }

    [Test]
    public async Task GetShopsAsync_RateLimited_WaitsRetryAfterAndRetriesWithoutSpendingTheTransientBudget()
    {
        var calls = 0;
        await using var server = new ScriptedHttpServer(request =>
        {
            if (request.Path == "/auth/oauth/token")
            {
                return Token();
            }

            return Interlocked.Increment(ref calls) <= 2
                ? ScriptedResponse.Error(429, """{"message":"Rate limit exceeded"}""",
                    ("Retry-After", "0"), ("X-LS-API-RateLimit-Type", "api-leaky-bucket"), ("X-LS-API-Bucket-Level", "90.2/90"), ("X-LS-API-Drip-Rate", "100"))
                : Page("""{"@attributes":{"next":""},"Shop":{"shopID":"1","name":"Main","timeZone":"UTC"}}""");
        });
        using var client = Client(server, out _, maxTransientRetries: 0);

        var shops = await ToListAsync(client.GetShopsAsync());

        Assert.That(shops, Has.Count.EqualTo(1));
        Assert.That(client.Statistics.BucketRateLimitedResponses, Is.EqualTo(2));
        Assert.That(client.Statistics.TransientRetries, Is.Zero);
    }

    [Test]
    public async Task GetShopsAsync_EightConcurrentReaders_OneTokenRequest()
    {
        await using var server = new ScriptedHttpServer(request => request.Path == "/auth/oauth/token"
            ? Token()
            : Page("""{"@attributes":{"next":""},"Shop":[{"shopID":"1","name":"A","timeZone":"UTC"},{"shopID":"2","name":"B","timeZone":"UTC"}]}"""));
        using var client = Client(server, out var store);

        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => ToListAsync(client.GetShopsAsync()))).ToList();
        var results = await Task.WhenAll(readers);

        Assert.That(results.Select(r => r.Count), Is.All.EqualTo(2));
        Assert.That(server.Requests.Count(r => r.Path == "/auth/oauth/token"), Is.EqualTo(1));
        Assert.That(store.SaveCount, Is.EqualTo(1));
    }

    [Test]
    public async Task GetShopsAsync_BurstLimited_WaitsAtLeastOneSecond()
    {
        var calls = 0;
        await using var server = new ScriptedHttpServer(request =>
        {
            if (request.Path == "/auth/oauth/token")
            {
                return Token();
            }

            return Interlocked.Increment(ref calls) == 1
                ? ScriptedResponse.Error(429, """{"message":"Burst rate limit exceeded"}""", ("Retry-After", "0"), ("X-LS-API-RateLimit-Type", "api-burst-limiter"))
                : Page("""{"@attributes":{"next":""},"Shop":{"shopID":"1","name":"Main","timeZone":"UTC"}}""");
        });
        using var client = Client(server, out _);
        var started = TimeProvider.System.GetTimestamp();

        await ToListAsync(client.GetShopsAsync());

        Assert.That(TimeProvider.System.GetElapsedTime(started), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95)));
        Assert.That(client.Statistics.BurstRateLimitedResponses, Is.EqualTo(1));
    }

    [Test]
    public async Task GetShopsAsync_ServerErrorThenDroppedConnection_RetriesTransientFaults()
    {
        var calls = 0;
        await using var server = new ScriptedHttpServer(request =>
        {
            if (request.Path == "/auth/oauth/token")
            {
                return Token();
            }

            return Interlocked.Increment(ref calls) switch
            {
                1 => ScriptedResponse.Error(503, "<html>busy</html>"),
                2 => ScriptedResponse.Drop(),
                3 => ScriptedResponse.Error(400, """{"message":"Please try again later."}"""),
                _ => Page("""{"@attributes":{"next":""},"Shop":{"shopID":"1","name":"Main","timeZone":"UTC"}}"""),
            };
        });
        var logger = new CapturingLogger<LightspeedClient>();
        using var client = Client(server, out _, logger);

        var shops = await ToListAsync(client.GetShopsAsync());

        Assert.That(shops, Has.Count.EqualTo(1));
        Assert.That(client.Statistics.TransientRetries, Is.EqualTo(3));
        Assert.That(logger.Events.Count(e => e.Id.Name == "LightspeedTransientRetry"), Is.EqualTo(3));
    }

    [Test]
    public async Task GetRecordsAsync_BadRequest_ThrowsWithTheApiMessageAndDoesNotRetry()
    {
        await using var server = new ScriptedHttpServer(request => request.Path == "/auth/oauth/token"
            ? Token()
            : ScriptedResponse.Error(400, """{"httpCode":"400","message":"Cannot sort by firstName. Sortable fields: saleID, timeStamp, completeTime, updatetime"}"""));
        using var client = Client(server, out _);

        var ex = Assert.ThrowsAsync<LightspeedApiException>(async () =>
            await ToListAsync(client.GetRecordsAsync("Sale", new LightspeedQuery().SortBy("firstName"))));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ex.ApiMessage, Does.Contain("Sortable fields"));
        Assert.That(ex.Endpoint, Is.EqualTo("GET /API/V3/Account/1/Sale.json"));
        Assert.That(server.Requests.Count(r => r.Path.StartsWith("/API", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task GetCustomerAsync_NotFound_ReturnsNull()
    {
        await using var server = new ScriptedHttpServer(request => request.Path switch
        {
            "/auth/oauth/token" => Token(),
            "/API/V3/Account/1/Shop.json" => Page("""{"@attributes":{"next":""}}"""),
            _ => ScriptedResponse.Error(404, """{"message":"Object of type 'Customer' not found"}"""),
        });
        using var client = Client(server, out _);

        Assert.That(await client.GetCustomerAsync(new LightspeedId("77")), Is.Null);
    }

    [Test]
    public async Task Refresh_InvalidGrant_ThrowsAuthExceptionNamingTheTokenEndpointNotTheToken()
    {
        await using var server = new ScriptedHttpServer(_ =>
            ScriptedResponse.Error(400, """{"error":"invalid_grant","error_description":"The refresh token is invalid.","hint":"Token has been revoked"}"""));
        using var client = Client(server, out _);

        var ex = Assert.ThrowsAsync<LightspeedAuthException>(async () => await ToListAsync(client.GetShopsAsync()));

        Assert.That(ex!.OAuthError, Is.EqualTo("invalid_grant"));
        Assert.That(ex.Message, Does.Contain("/auth/oauth/token").And.Not.Contain("seed-refresh"));
        var tokenRequest = server.Requests.Single();
        Assert.That(tokenRequest.Method, Is.EqualTo("POST"));
        using var body = JsonDocument.Parse(tokenRequest.Body);
        Assert.That(body.RootElement.GetProperty("grant_type").GetString(), Is.EqualTo("refresh_token"));
        Assert.That(body.RootElement.GetProperty("refresh_token").GetString(), Is.EqualTo("seed-refresh"));
    }

    private ScriptedResponse Token()
    {
        var n = Interlocked.Increment(ref _tokensIssued);
        return ScriptedResponse.Json($$"""{"token_type":"Bearer","expires_in":3600,"access_token":"access-{{n}}","refresh_token":"refresh-{{n}}"}""");
    }

    private static ScriptedResponse Page(string body) =>
        ScriptedResponse.Json(body, ("X-LS-API-Bucket-Level", Bucket), ("X-LS-Api-Drip-Rate", "1"), ("X-LS-Api-Request-Cost", "1"), ("X-LS-API-Burst-Level", "1/20"));

    private static LightspeedClient Client(ScriptedHttpServer server, out InMemoryLightspeedTokenStore store, int maxTransientRetries = 5) =>
        Client(server, out store, new CapturingLogger<LightspeedClient>(), maxTransientRetries);

    private static LightspeedClient Client(ScriptedHttpServer server, out InMemoryLightspeedTokenStore store, CapturingLogger<LightspeedClient> logger, int maxTransientRetries = 5)
    {
        store = new InMemoryLightspeedTokenStore("seed-refresh");
        var options = new LightspeedClientOptions
        {
            BaseUrl = server.BaseUrl,
            TokenUrl = new Uri(server.BaseUrl, "/auth/oauth/token"),
            AccountId = "1",
            ClientId = "client",
            ClientSecret = "secret",
            MaxTransientRetries = maxTransientRetries,
            TransientRetryBaseDelay = TimeSpan.FromMilliseconds(5),
            TransientRetryMaxDelay = TimeSpan.FromMilliseconds(20),
        };
        return new LightspeedClient(SharedHttp, options, store, TimeProvider.System, logger);
    }

    private static readonly HttpClient SharedHttp = new();

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
