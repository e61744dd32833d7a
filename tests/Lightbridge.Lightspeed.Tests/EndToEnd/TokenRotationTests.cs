using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Lightspeed.Tests.EndToEnd;

/// <summary>OAuth with single-use rotating refresh tokens (shared/reference/lightspeed-api.md §1, §9.15).</summary>
[TestFixture]
public sealed class TokenRotationTests
{
    [Test]
    public async Task FirstCalls_EightConcurrentCallers_ExactlyOneRefresh()
    {
        await using var account = await EmulatedAccount.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => account.Client.GetShopsAsync().ToListAsync().AsTask()));

        Assert.That(results.Select(r => r.Count), Has.All.EqualTo(account.Options.Shops));
        Assert.That(account.Client.Statistics.TokenRefreshes, Is.EqualTo(1));
        Assert.That(account.Tokens.SaveCount, Is.EqualTo(1));
    }

    [Test]
    public async Task ExpiredAccessToken_EightConcurrentCallers_OneRefreshOnTheirShared401()
    {
        var emulatorClock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var account = await EmulatedAccount.StartAsync(o =>
        {
            o.TimeProvider = emulatorClock;
            o.AccessTokenLifetime = TimeSpan.FromMinutes(30);
        });
        await account.Client.GetShopsAsync().ToListAsync();
        var firstRefreshToken = account.Tokens.Current.RefreshToken;

        // The client's own clock still thinks the token is fresh; only the server knows it expired,
        // so all eight callers meet a 401 at once and must share one refresh.
        emulatorClock.Advance(TimeSpan.FromMinutes(31));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => account.Client.GetCustomersAsync().ToListAsync().AsTask()));

        Assert.That(results.Select(r => r.Count), Has.All.GreaterThan(0));
        Assert.That(account.Client.Statistics.TokenRefreshes, Is.EqualTo(2));
        Assert.That(account.Tokens.SaveCount, Is.EqualTo(2));
        Assert.That(account.Tokens.Current.RefreshToken, Is.Not.EqualTo(firstRefreshToken));
    }

    [Test]
    public async Task AccessTokenNearExpiry_ClientClock_RefreshesAheadWithoutA401()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var account = await EmulatedAccount.StartAsync(o => { o.TimeProvider = clock; o.AccessTokenLifetime = TimeSpan.FromMinutes(30); }, clientTime: clock);
        await account.Client.GetShopsAsync().ToListAsync();

        clock.Advance(TimeSpan.FromMinutes(27)); // inside the 5-minute refresh-ahead window, still valid on the server
        await account.Client.GetShopsAsync().ToListAsync();

        Assert.That(account.Client.Statistics.TokenRefreshes, Is.EqualTo(2));
        Assert.That(account.Client.Statistics.UnauthorizedResponses, Is.Zero);
    }

    [Test]
    public async Task ReusedRefreshToken_AfterRotation_IsRejectedWithInvalidGrant()
    {
        await using var account = await EmulatedAccount.StartAsync();
        await account.Client.GetShopsAsync().ToListAsync();

        using var http = new HttpClient();
        using var response = await http.PostAsync(account.Emulator.TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = account.Emulator.ClientId,
            ["client_secret"] = account.Emulator.ClientSecret,
            ["refresh_token"] = account.Emulator.InitialRefreshToken,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("invalid_grant"));
    }

    [Test]
    public async Task SecondClient_WithAStaleRefreshToken_FailsWithAnAuthErrorThatHidesTheToken()
    {
        await using var account = await EmulatedAccount.StartAsync();
        await account.Client.GetShopsAsync().ToListAsync();
        using var stale = account.NewClient(new InMemoryLightspeedTokenStore(account.Emulator.InitialRefreshToken));

        var error = Assert.ThrowsAsync<LightspeedAuthException>(async () => await stale.GetShopsAsync().ToListAsync());

        Assert.That(error!.Message, Does.Contain("invalid_grant").Or.Contain("refresh"));
        Assert.That(error.ToString(), Does.Not.Contain(account.Emulator.InitialRefreshToken));
    }

    [Test]
    public async Task TwoClientsSharingOneTokenStore_RotateWithoutBurningEachOther()
    {
        await using var account = await EmulatedAccount.StartAsync();
        using var second = account.NewClient(account.Tokens);

        await Task.WhenAll(
            account.Client.GetShopsAsync().ToListAsync().AsTask(),
            second.GetShopsAsync().ToListAsync().AsTask());

        Assert.That(account.Client.Statistics.TokenRefreshes + second.Statistics.TokenRefreshes, Is.LessThanOrEqualTo(2));
        Assert.That(await second.GetCustomersAsync().ToListAsync(), Is.Not.Empty);
    }
}
