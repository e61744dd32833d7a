using System.Net;
using Lightbridge.Lightspeed;
using Lightbridge.XSeries.Tests.Support;
using static Lightbridge.XSeries.Tests.Support.XSeriesHarness;

namespace Lightbridge.XSeries.Tests;

/// <summary>OAuth against the scripted token endpoint: form-encoded refresh, rotation, expiry and 401.</summary>
public sealed class AuthTests
{
    private const string OnePage = """{"id":"o-1","name":"Main","time_zone":"UTC","version":1}""";

    [Test]
    public async Task FirstRequest_RefreshesWithAFormEncodedGrantAndStoresTheNewPairBeforeUsingIt()
    {
        XSeriesHarness? harness = null;
        var store = new OrderCheckingStore(() => harness!.Server.ApiRequests);
        harness = await StartAsync(Outlets, store: store);
        await using var _ = harness;

        await ToListAsync(harness.Client.GetOutletsAsync());

        var grant = harness.Server.Requests.Single(r => r.Path == TokenPath);
        Assert.That(grant.Method, Is.EqualTo("POST"));
        Assert.That(grant.ContentType, Does.StartWith("application/x-www-form-urlencoded"));
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(grant.Body);
        Assert.That(form["grant_type"].ToString(), Is.EqualTo("refresh_token"));
        Assert.That(form["refresh_token"].ToString(), Is.EqualTo(SeedRefreshToken));
        Assert.That(form["client_id"].ToString(), Is.EqualTo("client-id"));
        Assert.That(form["client_secret"].ToString(), Is.EqualTo(ClientSecret));
        Assert.That(store.Saved.Single().RefreshToken, Is.EqualTo("refresh-1"), "the rotated refresh token is the one kept");
        Assert.That(store.Saved.Single().ExpiresAt, Is.EqualTo(Start.AddSeconds(3600)));
        Assert.That(store.SavedBeforeUse, Is.True, "the pair was stored before the API saw its access token");
        Assert.That(harness.Server.ApiRequests.Select(r => r.Authorization).Distinct(), Is.EqualTo(new[] { "Bearer access-1" }));
        Assert.That(harness.Client.Statistics.TokenRefreshes, Is.EqualTo(1));
    }

    [Test]
    public async Task ExpiredAccessToken_IsRefreshedWithTheNewestRefreshTokenBeforeTheNextRequest()
    {
        await using var harness = await StartAsync(Outlets);
        harness.TokenLifetimeSeconds = 600;

        await ToListAsync(harness.Client.GetOutletsAsync());
        harness.Time.Fake.Advance(TimeSpan.FromMinutes(6)); // Past half of a 10-minute life: refreshed ahead of expiry.
        await ToListAsync(harness.Client.GetOutletsAsync());

        var grants = harness.Server.Requests.Where(r => r.Path == TokenPath).Select(r => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(r.Body)["refresh_token"].ToString());
        Assert.That(grants, Is.EqualTo(new[] { SeedRefreshToken, "refresh-1" }));
        Assert.That(harness.Store.Current.RefreshToken, Is.EqualTo("refresh-2"));
        Assert.That(harness.Server.ApiRequests[^1].Authorization, Is.EqualTo("Bearer access-2"));
    }

    [Test]
    public async Task StoredFreshToken_FromAnEarlierRun_IsUsedWithoutRefreshing()
    {
        var store = new InMemoryLightspeedTokenStore("stored-refresh");
        await store.SaveAsync(new LightspeedTokenSet("stored-access", "stored-refresh", Start.AddMinutes(-1), Start.AddHours(1)), CancellationToken.None);
        await using var harness = await StartAsync(Outlets, store: store);

        await ToListAsync(harness.Client.GetOutletsAsync());

        Assert.That(harness.TokensIssued, Is.Zero);
        Assert.That(harness.Server.ApiRequests.Select(r => r.Authorization).Distinct(), Is.EqualTo(new[] { "Bearer stored-access" }));
    }

    [Test]
    public async Task Unauthorized_RefreshesOnceAndRetriesWithTheNewToken()
    {
        await using var harness = await StartAsync(request => request.Authorization == "Bearer access-1"
            ? ScriptedResponse.Error(401, """{"error":"Unauthorized","message":"Token revoked"}""")
            : Outlets(request));

        var outlets = await ToListAsync(harness.Client.GetOutletsAsync());

        Assert.That(outlets, Has.Count.EqualTo(1));
        Assert.That(harness.Client.Statistics.UnauthorizedResponses, Is.EqualTo(1));
        Assert.That(harness.Client.Statistics.TokenRefreshes, Is.EqualTo(2));
        Assert.That(harness.Store.Current.RefreshToken, Is.EqualTo("refresh-2"), "the store holds the newest pair");
    }

    [Test]
    public async Task UnauthorizedAgainAfterTheRefresh_ThrowsAnAuthErrorWithoutLooping()
    {
        await using var harness = await StartAsync(_ => ScriptedResponse.Error(401, """{"error":"Unauthorized","message":"App uninstalled"}"""));

        var ex = Assert.ThrowsAsync<XSeriesAuthException>(async () => await ToListAsync(harness.Client.GetOutletsAsync()));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(ex.Message, Does.Contain("GET /api/2.0/outlets").And.Contain("App uninstalled").And.Not.Contain("access-"));
        Assert.That(harness.TokensIssued, Is.EqualTo(2), "one refresh per request, not a loop");
    }

    [Test]
    public async Task RefusedRefreshToken_ThrowsInvalidGrantNamingTheEndpointNotTheToken()
    {
        await using var harness = await StartAsync(Outlets, tokens: _ =>
            ScriptedResponse.Error(400, """{"error":"invalid_grant","error_description":"The refresh token is invalid."}"""));

        var ex = Assert.ThrowsAsync<XSeriesAuthException>(async () => await ToListAsync(harness.Client.GetOutletsAsync()));

        Assert.That(ex!.OAuthError, Is.EqualTo("invalid_grant"));
        Assert.That(ex.Message, Does.Contain("POST /api/1.0/token").And.Not.Contain(SeedRefreshToken).And.Not.Contain(ClientSecret));
        Assert.That(harness.Server.ApiRequests, Is.Empty);
    }

    [Test]
    public async Task ConcurrentReaders_ShareOneRefresh()
    {
        await using var harness = await StartAsync(Outlets);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ToListAsync(harness.Client.GetOutletsAsync()))));

        Assert.That(results.Select(r => r.Count), Is.All.EqualTo(1));
        Assert.That(harness.TokensIssued, Is.EqualTo(1));
    }

    private static ScriptedResponse Outlets(ScriptedRequest request) => request.Param("after") is null ? Page(OnePage, max: 1) : EndPage();

    /// <summary>A store that checks, when a pair is saved, that the API has not yet seen that pair's access token.</summary>
    private sealed class OrderCheckingStore(Func<IReadOnlyList<ScriptedRequest>> apiRequests) : ILightspeedTokenStore
    {
        private LightspeedTokenSet _current = LightspeedTokenSet.FromRefreshToken(SeedRefreshToken);

        public List<LightspeedTokenSet> Saved { get; } = [];

        public bool SavedBeforeUse { get; private set; } = true;

        public ValueTask<LightspeedTokenSet?> LoadAsync(CancellationToken ct) => ValueTask.FromResult<LightspeedTokenSet?>(_current);

        public ValueTask SaveAsync(LightspeedTokenSet tokens, CancellationToken ct)
        {
            if (apiRequests().Any(r => r.Authorization == "Bearer " + tokens.AccessToken))
            {
                SavedBeforeUse = false;
            }

            Saved.Add(tokens);
            _current = tokens;
            return ValueTask.CompletedTask;
        }
    }
}
