namespace Lightbridge.State.Tests.Tokens;

public sealed class TokenStoreTests
{
    private TempStateFolder _folder = null!;
    private StateStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempStateFolder();
        _store = _folder.Open();
    }

    [TearDown]
    public void TearDown()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Test]
    public async Task LoadAsync_Empty_ReturnsNull() =>
        Assert.That(await _store.Tokens.LoadAsync(CancellationToken.None), Is.Null);

    [Test]
    public async Task SeedAsync_Empty_StoresConfiguredRefreshToken()
    {
        var seeded = await _store.Tokens.SeedAsync("configured-refresh", CancellationToken.None);

        Assert.That(seeded.RefreshToken, Is.EqualTo("configured-refresh"));
        Assert.That(seeded.AccessToken, Is.Null);
        Assert.That(await _store.Tokens.LoadAsync(CancellationToken.None), Is.EqualTo(seeded));
    }

    [Test]
    public async Task SeedAsync_AfterRotation_KeepsStoredPair()
    {
        var rotated = new StoredTokenSet("access-2", "refresh-2", _folder.Time.GetUtcNow(), _folder.Time.GetUtcNow().AddHours(1));
        await _store.Tokens.SaveAsync(rotated, CancellationToken.None);

        var current = await _store.Tokens.SeedAsync("configured-refresh", CancellationToken.None);

        Assert.That(current, Is.EqualTo(rotated));
    }

    [Test]
    public async Task SaveAsync_ThenReopen_PairSurvives()
    {
        var pair = new StoredTokenSet("access-1", "refresh-1", _folder.Time.GetUtcNow(), _folder.Time.GetUtcNow().AddSeconds(1800));
        await _store.Tokens.SaveAsync(pair, CancellationToken.None);
        _store.Dispose();

        _store = _folder.Open();

        Assert.That(await _store.Tokens.LoadAsync(CancellationToken.None), Is.EqualTo(pair));
    }

    [Test]
    public void ToString_WithTokens_ShowsNoSecret()
    {
        var text = new StoredTokenSet("access-secret", "refresh-secret", DateTimeOffset.MinValue, DateTimeOffset.MinValue).ToString();

        Assert.That(text, Does.Not.Contain("secret"));
        Assert.That(text, Does.Contain("***"));
    }
}
