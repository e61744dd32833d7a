using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Lightbridge.Emulators.Lightspeed.Tests.Http;

public sealed class AuthTests
{
    private static Dictionary<string, string> RefreshForm(LightspeedEmulator e, string token, string? secret = null) => new()
    {
        ["grant_type"] = "refresh_token",
        ["client_id"] = e.ClientId,
        ["client_secret"] = secret ?? e.ClientSecret,
        ["refresh_token"] = token,
    };

    [Test]
    public async Task Refresh_Rotates_OldTokenGetsInvalidGrant()
    {
        await using var s = await EmulatorSession.StartAsync(authorize: false);
        var first = await s.RefreshAsync(s.Emulator.InitialRefreshToken);
        Assert.That(first.GetProperty("token_type").GetString(), Is.EqualTo("Bearer"));
        Assert.That(first.GetProperty("expires_in").GetInt32(), Is.EqualTo(1800));
        var rotated = first.GetProperty("refresh_token").GetString()!;
        Assert.That(rotated, Is.Not.EqualTo(s.Emulator.InitialRefreshToken));

        var reused = await s.PostTokenAsync(RefreshForm(s.Emulator, s.Emulator.InitialRefreshToken));
        Assert.That(reused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(JsonDocument.Parse(reused.Body).RootElement.GetProperty("error").GetString(), Is.EqualTo("invalid_grant"));

        var second = await s.RefreshAsync(rotated);
        Assert.That(second.GetProperty("refresh_token").GetString(), Is.Not.EqualTo(rotated));
        Assert.That(s.Emulator.Control.GetCounters().Refreshes, Is.EqualTo(2));
    }

    [Test]
    public async Task Refresh_FormBody_IsAccepted()
    {
        await using var s = await EmulatorSession.StartAsync(authorize: false);
        var response = await s.PostTokenAsync(RefreshForm(s.Emulator, s.Emulator.InitialRefreshToken), asJson: false);
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Body, Does.Contain("\"access_token\""));
    }

    [Test]
    public async Task Refresh_WrongSecret_Returns401InvalidClient()
    {
        await using var s = await EmulatorSession.StartAsync(authorize: false);
        var response = await s.PostTokenAsync(RefreshForm(s.Emulator, s.Emulator.InitialRefreshToken, secret: "wrong"));
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(JsonDocument.Parse(response.Body).RootElement.GetProperty("error").GetString(), Is.EqualTo("invalid_client"));
        // The refresh token was not consumed by the failed attempt.
        await s.RefreshAsync(s.Emulator.InitialRefreshToken);
    }

    [Test]
    public async Task Token_GetMethod_Returns405()
    {
        await using var s = await EmulatorSession.StartAsync(authorize: false);
        using var response = await s.Http.GetAsync(s.Emulator.TokenUrl);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task AuthorizationCode_FromAuthorize_ExchangesOnceWithinSixtySeconds()
    {
        await using var s = await EmulatorSession.StartAsync(authorize: false);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = s.Emulator.BaseUrl };
        using var authorize = await noRedirect.GetAsync($"/auth/oauth/authorize?response_type=code&client_id={s.Emulator.ClientId}&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=xyz");
        Assert.That(authorize.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var location = authorize.Headers.Location!.ToString();
        Assert.That(location, Does.StartWith("https://app.example/cb?code=").And.EndWith("&state=xyz"));
        var code = Uri.UnescapeDataString(location.Split("code=")[1].Split('&')[0]);
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["client_id"] = s.Emulator.ClientId, ["client_secret"] = s.Emulator.ClientSecret, ["code"] = code };

        var ok = await s.PostTokenAsync(form);
        Assert.That(ok.Status, Is.EqualTo(HttpStatusCode.OK), ok.Body);
        var again = await s.PostTokenAsync(form);
        Assert.That(JsonDocument.Parse(again.Body).RootElement.GetProperty("error").GetString(), Is.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task AuthorizationCode_After60Seconds_IsInvalidGrant()
    {
        await using var s = await EmulatorSession.StartAsync(authorize: false);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = s.Emulator.BaseUrl };
        using var authorize = await noRedirect.GetAsync($"/auth/oauth/authorize?client_id={s.Emulator.ClientId}&redirect_uri=https%3A%2F%2Fa.example%2Fcb&state=1");
        var code = Uri.UnescapeDataString(authorize.Headers.Location!.ToString().Split("code=")[1].Split('&')[0]);
        s.Clock!.Advance(TimeSpan.FromSeconds(61));
        var late = await s.PostTokenAsync(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["client_id"] = s.Emulator.ClientId, ["client_secret"] = s.Emulator.ClientSecret, ["code"] = code });
        Assert.That(late.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(late.Body, Does.Contain("invalid_grant"));
    }

    [Test]
    public async Task Api_MissingToken_Returns401Envelope()
    {
        await using var s = await EmulatorSession.StartAsync(authorize: false);
        var response = await s.GetAsync($"{s.AccountPath}/Customer.json");
        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.Body, Is.EqualTo("{\"httpCode\":\"401\",\"httpMessage\":\"Unauthorized\",\"message\":\"Access token could not be verified\",\"errorClass\":\"BadAuthenticationRequestError\"}"));
    }

    [Test]
    public async Task Api_UnknownToken_Returns401()
    {
        await using var s = await EmulatorSession.StartAsync(authorize: false);
        s.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJnot.a.token");
        var response = await s.GetAsync($"{s.AccountPath}/Customer.json");
        Assert.That(response.Status, Is.EqualTo(401));
        Assert.That(response.Json.GetProperty("message").GetString(), Is.EqualTo("Access token could not be verified"));
    }

    [Test]
    public async Task Api_TokenPastLifetime_Returns401()
    {
        await using var s = await EmulatorSession.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(30));
        Assert.That((await s.GetAsync("/API/V3/Account.json")).Status, Is.EqualTo(200));
        s.Clock!.Advance(TimeSpan.FromMinutes(29));
        Assert.That((await s.GetAsync("/API/V3/Account.json")).Status, Is.EqualTo(200));
        s.Clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await s.GetAsync("/API/V3/Account.json");
        Assert.That(expired.Status, Is.EqualTo(401));
        Assert.That(expired.Json.GetProperty("httpCode").GetString(), Is.EqualTo("401"));
    }

    [Test]
    public async Task AccessToken_IsJwtShapedWithAccountClaim()
    {
        await using var s = await EmulatorSession.StartAsync(authorize: false);
        var token = (await s.RefreshAsync(s.Emulator.InitialRefreshToken)).GetProperty("access_token").GetString()!;
        var parts = token.Split('.');
        Assert.That(parts, Has.Length.EqualTo(3));
        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement;
        Assert.That(claims.GetProperty("acct").GetString(), Is.EqualTo(s.Emulator.AccountId));
        Assert.That(claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64(), Is.EqualTo(1800));
    }

    [Test]
    public async Task Credentials_Given_AreUsedAndNotDefaulted()
    {
        await using var s = await EmulatorSession.StartAsync(o => { o.ClientId = "id1"; o.ClientSecret = "sec1"; o.RefreshToken = "rt1"; }, authorize: false);
        Assert.That(s.Emulator.CredentialsDefaulted, Is.False);
        Assert.That(s.Emulator.InitialRefreshToken, Is.EqualTo("rt1"));
        await s.RefreshAsync("rt1");
    }
}
