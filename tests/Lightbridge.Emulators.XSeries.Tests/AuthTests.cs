using System.Net.Http.Headers;
using System.Text.Json;

namespace Lightbridge.Emulators.XSeries.Tests;

public sealed class AuthTests
{
    [Test]
    public async Task Refresh_RotatesAndAnswersTheDocumentedFields_OldTokenRefused()
    {
        await using var s = await XSeriesSession.StartAsync(authorize: false);
        var first = await s.RefreshAsync(s.Emulator.InitialRefreshToken);
        Assert.That(first.GetProperty("token_type").GetString(), Is.EqualTo("Bearer"));
        Assert.That(first.GetProperty("expires_in").GetInt64(), Is.EqualTo(604800));
        Assert.That(first.GetProperty("expires").GetInt64(), Is.EqualTo(XSeriesSession.FakeStart.ToUnixTimeSeconds() + 604800));
        Assert.That(first.GetProperty("domain_prefix").GetString(), Is.EqualTo(s.Emulator.DomainPrefix));
        Assert.That(first.TryGetProperty("scope", out _), Is.True);
        var rotated = first.GetProperty("refresh_token").GetString()!;
        Assert.That(rotated, Is.Not.EqualTo(s.Emulator.InitialRefreshToken));

        var reused = await s.PostTokenAsync(Form(s, s.Emulator.InitialRefreshToken));
        Assert.That(reused.Status, Is.EqualTo(400));
        Assert.That(JsonDocument.Parse(reused.Body).RootElement.GetProperty("error").GetString(), Is.EqualTo("invalid_grant"));

        await s.RefreshAsync(rotated);
        Assert.That(s.Control.GetCounters().Refreshes, Is.EqualTo(2));
    }

    [Test]
    public async Task AccessToken_ExpiresOnTheClock_Then401()
    {
        await using var s = await XSeriesSession.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(30));
        Assert.That((await s.GetAsync("/api/2.0/outlets")).Status, Is.EqualTo(200));
        s.Clock!.Advance(TimeSpan.FromMinutes(30));
        var expired = await s.GetAsync("/api/2.0/outlets");
        Assert.That(expired.Status, Is.EqualTo(401));
        Assert.That(expired.Json.GetProperty("error").GetString(), Is.EqualTo("Unauthorized"));
    }

    [Test]
    public async Task UnknownOrMissingToken_Gets401()
    {
        await using var s = await XSeriesSession.StartAsync(authorize: false);
        Assert.That((await s.GetAsync("/api/2.0/sales")).Status, Is.EqualTo(401));
        s.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "lsxs_acc_made_up");
        Assert.That((await s.GetAsync("/api/2.0/sales")).Status, Is.EqualTo(401));
    }

    [Test]
    public async Task AuthorizationCode_ExchangesOnce_WrongSecretIsInvalidClient()
    {
        await using var s = await XSeriesSession.StartAsync(authorize: false);
        var code = s.Control.IssueAuthorizationCode();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = s.Emulator.ClientId,
            ["client_secret"] = "wrong",
            ["code"] = code,
            ["redirect_uri"] = "http://127.0.0.1/callback",
        };
        Assert.That((await s.PostTokenAsync(form)).Status, Is.EqualTo(401));
        form["client_secret"] = s.Emulator.ClientSecret;
        var ok = await s.PostTokenAsync(form);
        Assert.That(ok.Status, Is.EqualTo(200), ok.Body);
        var token = JsonDocument.Parse(ok.Body).RootElement.GetProperty("access_token").GetString();
        s.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.That((await s.GetAsync("/api/2.0/registers")).Status, Is.EqualTo(200));
        Assert.That((await s.PostTokenAsync(form)).Status, Is.EqualTo(400));
    }

    [Test]
    public async Task IssueRefreshToken_StartsAnIndependentChain()
    {
        await using var s = await XSeriesSession.StartAsync(authorize: false);
        var second = s.Emulator.IssueRefreshToken();
        await s.RefreshAsync(s.Emulator.InitialRefreshToken);
        var other = await s.RefreshAsync(second);
        Assert.That(other.GetProperty("access_token").GetString(), Is.Not.Empty);
    }

    private static Dictionary<string, string> Form(XSeriesSession s, string refresh) => new()
    {
        ["grant_type"] = "refresh_token",
        ["client_id"] = s.Emulator.ClientId,
        ["client_secret"] = s.Emulator.ClientSecret,
        ["refresh_token"] = refresh,
    };
}
