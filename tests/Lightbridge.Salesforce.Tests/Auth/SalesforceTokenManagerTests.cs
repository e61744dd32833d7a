using System.Net;
using Lightbridge.Salesforce.Auth;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lightbridge.Salesforce.Tests.Auth;

public sealed class SalesforceTokenManagerTests
{
    private const int Callers = 8;

    [Test]
    public async Task GetTokenAsync_EightConcurrentCallersBeforeLogin_OneTokenRequest()
    {
        var endpoint = new FakeTokenEndpoint();
        using var manager = new SalesforceTokenManager(endpoint, NullLogger.Instance);

        var tasks = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => manager.GetTokenAsync(CancellationToken.None))).ToArray();
        await WaitUntilAsync(() => endpoint.Calls >= 1);
        endpoint.Issue("first");
        var tokens = await Task.WhenAll(tasks);

        Assert.That(endpoint.Calls, Is.EqualTo(1));
        Assert.That(tokens.Select(t => t.AccessToken), Is.All.EqualTo("first"));
    }

    [Test]
    public async Task RefreshAsync_EightConcurrentCallersRejectedWithSameToken_OneTokenRequestAllGetTheNewToken()
    {
        var endpoint = new FakeTokenEndpoint();
        using var manager = new SalesforceTokenManager(endpoint, NullLogger.Instance);
        var first = await LoginAsync(manager, endpoint, "first");

        var tasks = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => manager.RefreshAsync(first, CancellationToken.None))).ToArray();
        await WaitUntilAsync(() => endpoint.Calls >= 2);
        endpoint.Issue("second");
        var tokens = await Task.WhenAll(tasks);

        Assert.That(endpoint.Calls, Is.EqualTo(2), "one login, then exactly one renewal for eight 401s");
        Assert.That(tokens.Select(t => t.AccessToken), Is.All.EqualTo("second"));
        Assert.That(tokens.Select(t => t.Generation), Is.All.GreaterThan(first.Generation));
    }

    [Test]
    public async Task RefreshAsync_RenewalAlreadyHappenedSinceRejectedToken_ReusesItWithoutARequest()
    {
        var endpoint = new FakeTokenEndpoint();
        using var manager = new SalesforceTokenManager(endpoint, NullLogger.Instance);
        var first = await LoginAsync(manager, endpoint, "first");
        var renewal = manager.RefreshAsync(first, CancellationToken.None);
        endpoint.Issue("second");
        await renewal;

        // A slow caller whose request with the first token came back 401 after the renewal finished.
        var late = await manager.RefreshAsync(first, CancellationToken.None);

        Assert.That(late.AccessToken, Is.EqualTo("second"));
        Assert.That(endpoint.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task RefreshAsync_CurrentTokenRejected_RequestsANewOne()
    {
        var endpoint = new FakeTokenEndpoint();
        using var manager = new SalesforceTokenManager(endpoint, NullLogger.Instance);
        var first = await LoginAsync(manager, endpoint, "first");
        var renewal = manager.RefreshAsync(first, CancellationToken.None);
        endpoint.Issue("second");
        var second = await renewal;

        var third = manager.RefreshAsync(second, CancellationToken.None);
        await WaitUntilAsync(() => endpoint.Calls >= 3);
        endpoint.Issue("third");

        Assert.That((await third).AccessToken, Is.EqualTo("third"));
    }

    [Test]
    public async Task RefreshAsync_RenewalFails_EveryWaiterSeesTheErrorAndTheNextCallTriesAgain()
    {
        var endpoint = new FakeTokenEndpoint();
        using var manager = new SalesforceTokenManager(endpoint, NullLogger.Instance);
        var first = await LoginAsync(manager, endpoint, "first");

        var tasks = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => manager.RefreshAsync(first, CancellationToken.None))).ToArray();
        await WaitUntilAsync(() => endpoint.Calls >= 2);
        endpoint.Fail(new SalesforceAuthException(SalesforceAuthFlow.JwtBearer, "https://login.salesforce.com", HttpStatusCode.BadRequest, "invalid_grant", "expired access/refresh token"));
        foreach (var task in tasks)
        {
            Assert.ThrowsAsync<SalesforceAuthException>(async () => await task);
        }

        var retry = manager.RefreshAsync(first, CancellationToken.None);
        await WaitUntilAsync(() => endpoint.Calls >= 3);
        endpoint.Issue("recovered");

        Assert.That((await retry).AccessToken, Is.EqualTo("recovered"));
        Assert.That(endpoint.Calls, Is.EqualTo(3));
    }

    [Test]
    public async Task RefreshAsync_OneWaiterCancels_OthersStillGetTheToken()
    {
        var endpoint = new FakeTokenEndpoint();
        using var manager = new SalesforceTokenManager(endpoint, NullLogger.Instance);
        var first = await LoginAsync(manager, endpoint, "first");
        using var cancel = new CancellationTokenSource();

        var quitter = manager.RefreshAsync(first, cancel.Token);
        var stayer = manager.RefreshAsync(first, CancellationToken.None);
        await cancel.CancelAsync();
        endpoint.Issue("second");

        Assert.CatchAsync<OperationCanceledException>(async () => await quitter);
        Assert.That((await stayer).AccessToken, Is.EqualTo("second"));
        Assert.That(endpoint.Calls, Is.EqualTo(2));
    }

    private static async Task<SalesforceAccessToken> LoginAsync(SalesforceTokenManager manager, FakeTokenEndpoint endpoint, string access)
    {
        var login = manager.GetTokenAsync(CancellationToken.None);
        endpoint.Issue(access);
        return await login;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Callers reach the endpoint on pool threads; poll briefly instead of sleeping a fixed time.
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Yield();
            await Task.Delay(1);
        }

        Assert.That(condition(), Is.True, "timed out waiting for the token request");
    }
}
