using Lightbridge.Lightspeed.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Lightspeed.Tests.Auth;

public sealed class TokenManagerTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private FakeTimeProvider _time = null!;

    [SetUp]
    public void SetUp() => _time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public async Task GetAccessTokenAsync_EightConcurrentCallers_OneRefreshOneSaveSameToken()
    {
        var endpoint = new FakeTokenEndpoint("seed", Hour) { Hold = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        var store = new InMemoryLightspeedTokenStore("seed");
        using var manager = Manager(endpoint, store);

        // Eight threads race into the manager; whatever the interleaving, a caller either joins the one
        // refresh in flight or finds its fresh result, so the assertions hold for every schedule.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await manager.GetAccessTokenAsync(CancellationToken.None);
        })).ToList();
        start.SetResult();
        await endpoint.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        endpoint.Hold!.SetResult();
        var tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(endpoint.Calls, Is.EqualTo(1));
        Assert.That(store.SaveCount, Is.EqualTo(1));
        Assert.That(tokens.Distinct(), Is.EqualTo(new[] { "access-1" }));
        Assert.That(store.Current.RefreshToken, Is.EqualTo("refresh-1"));
    }

    [Test]
    public async Task RefreshAsync_EightCallersRejectedWithTheSameToken_OneRefreshNoInvalidGrant()
    {
        var endpoint = new FakeTokenEndpoint("seed", Hour);
        var store = new InMemoryLightspeedTokenStore("seed");
        using var manager = Manager(endpoint, store);
        var stale = await manager.GetAccessTokenAsync(CancellationToken.None);
        endpoint.Hold = new(TaskCreationOptions.RunContinuationsAsynchronously);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await manager.RefreshAsync(stale, CancellationToken.None);
        })).ToList();
        start.SetResult();
        endpoint.Hold.SetResult();
        var tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(endpoint.Calls, Is.EqualTo(2), "the first token plus exactly one rotation");
        Assert.That(tokens.Distinct(), Is.EqualTo(new[] { "access-2" }));
        Assert.That(store.SaveCount, Is.EqualTo(2));
    }

    [Test]
    public async Task RefreshAsync_TokenAlreadyReplaced_ReturnsTheNewOneWithoutRefreshing()
    {
        var endpoint = new FakeTokenEndpoint("seed", Hour);
        using var manager = Manager(endpoint, new InMemoryLightspeedTokenStore("seed"));
        var first = await manager.GetAccessTokenAsync(CancellationToken.None);
        var second = await manager.RefreshAsync(first, CancellationToken.None);

        var late = await manager.RefreshAsync(first, CancellationToken.None);

        Assert.That(late, Is.EqualTo(second));
        Assert.That(endpoint.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task GetAccessTokenAsync_NewPairIsStoredBeforeAnyCallerGetsIt()
    {
        var endpoint = new FakeTokenEndpoint("seed", Hour);
        var store = new RecordingTokenStore(LightspeedTokenSet.FromRefreshToken("seed")) { HoldSave = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var manager = Manager(endpoint, store);

        var caller = manager.GetAccessTokenAsync(CancellationToken.None);
        await store.SaveStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(caller.IsCompleted, Is.False, "the token is not handed out while the save is pending");

        store.HoldSave!.SetResult();
        Assert.That(await caller.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo("access-1"));
        Assert.That(store.Saved.Single().AccessToken, Is.EqualTo("access-1"));
    }

    [Test]
    public async Task GetAccessTokenAsync_SaveFails_TokenIsNotUsedAndTheOldRefreshTokenIsKept()
    {
        var endpoint = new FakeTokenEndpoint("seed", Hour);
        var store = new RecordingTokenStore(LightspeedTokenSet.FromRefreshToken("seed")) { FailSave = true };
        using var manager = Manager(endpoint, store);

        Assert.That(async () => await manager.GetAccessTokenAsync(CancellationToken.None), Throws.InstanceOf<IOException>());
        Assert.That(store.Saved, Is.Empty);
        Assert.That((await store.LoadAsync(CancellationToken.None))!.RefreshToken, Is.EqualTo("seed"));
    }

    [Test]
    public async Task GetAccessTokenAsync_AheadOfExpiry_RefreshesProactively()
    {
        var endpoint = new FakeTokenEndpoint("seed", Hour);
        using var manager = Manager(endpoint, new InMemoryLightspeedTokenStore("seed"), refreshAhead: TimeSpan.FromMinutes(5));
        Assert.That(await manager.GetAccessTokenAsync(CancellationToken.None), Is.EqualTo("access-1"));

        _time.Advance(TimeSpan.FromMinutes(54));
        Assert.That(await manager.GetAccessTokenAsync(CancellationToken.None), Is.EqualTo("access-1"));

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.That(await manager.GetAccessTokenAsync(CancellationToken.None), Is.EqualTo("access-2"));
    }

    [Test]
    public async Task GetAccessTokenAsync_ShortLivedToken_RefreshesAtHalfLifeNotOnEveryCall()
    {
        // expires_in is authoritative: a 60 s token with a 5 min refresh-ahead must still be used.
        var endpoint = new FakeTokenEndpoint("seed", TimeSpan.FromSeconds(60));
        using var manager = Manager(endpoint, new InMemoryLightspeedTokenStore("seed"), refreshAhead: TimeSpan.FromMinutes(5));
        await manager.GetAccessTokenAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(29));
        await manager.GetAccessTokenAsync(CancellationToken.None);
        Assert.That(endpoint.Calls, Is.EqualTo(1));

        _time.Advance(TimeSpan.FromSeconds(2));
        await manager.GetAccessTokenAsync(CancellationToken.None);
        Assert.That(endpoint.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task GetAccessTokenAsync_StoredAccessTokenStillValid_IsUsedWithoutRefreshing()
    {
        var endpoint = new FakeTokenEndpoint("seed", Hour);
        var now = _time.GetUtcNow();
        var store = new RecordingTokenStore(new LightspeedTokenSet("stored-access", "seed", now, now + Hour));
        using var manager = Manager(endpoint, store);

        Assert.That(await manager.GetAccessTokenAsync(CancellationToken.None), Is.EqualTo("stored-access"));
        Assert.That(endpoint.Calls, Is.Zero);
    }

    [Test]
    public async Task GetAccessTokenAsync_InvalidGrant_EveryWaitingCallerSeesIt()
    {
        var endpoint = new FakeTokenEndpoint("other", Hour) { Hold = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        using var manager = Manager(endpoint, new InMemoryLightspeedTokenStore("revoked"));

        var callers = Enumerable.Range(0, 4).Select(_ => manager.GetAccessTokenAsync(CancellationToken.None)).ToList();
        await endpoint.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        endpoint.Hold!.SetResult();

        foreach (var caller in callers)
        {
            var ex = Assert.ThrowsAsync<LightspeedAuthException>(async () => await caller);
            Assert.That(ex!.OAuthError, Is.EqualTo("invalid_grant"));
            Assert.That(ex.Message, Does.Contain("/auth/oauth/token").And.Not.Contain("revoked"));
        }

        Assert.That(endpoint.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task GetAccessTokenAsync_CallerCancels_RefreshStillCompletesForOthers()
    {
        var endpoint = new FakeTokenEndpoint("seed", Hour) { Hold = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        var store = new InMemoryLightspeedTokenStore("seed");
        using var manager = Manager(endpoint, store);
        using var cts = new CancellationTokenSource();

        var leaving = manager.GetAccessTokenAsync(cts.Token);
        var staying = manager.GetAccessTokenAsync(CancellationToken.None);
        await cts.CancelAsync();
        endpoint.Hold!.SetResult();

        Assert.That(async () => await leaving, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(await staying.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo("access-1"));
        Assert.That(store.SaveCount, Is.EqualTo(1));
    }

    private TokenManager Manager(ILightspeedTokenEndpoint endpoint, ILightspeedTokenStore store, TimeSpan? refreshAhead = null) =>
        new(endpoint, store, _time, refreshAhead ?? TimeSpan.FromMinutes(5), NullLogger.Instance);
}
