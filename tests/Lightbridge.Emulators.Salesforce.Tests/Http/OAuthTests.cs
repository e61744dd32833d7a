using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Lightbridge.Emulators.Salesforce.Tests.Http;

public sealed class OAuthTests
{
    private const string JwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private static string Jwt(TestOrg org, JsonObject claims, string? pem = null, string alg = "RS256")
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem ?? org.PrivateKeyPem);
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonObject { ["alg"] = alg }.ToJsonString()));
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }

    private static JsonObject Claims(TestOrg org, JsonNode? aud = null, long? expOffsetSeconds = 120, string? sub = null, string? iss = null) => new()
    {
        ["iss"] = iss ?? org.Emulator.ClientId,
        ["sub"] = sub ?? org.Emulator.Username,
        ["aud"] = aud ?? org.Emulator.LoginUrl.ToString().TrimEnd('/'),
        ["exp"] = org.Time.GetUtcNow().ToUnixTimeSeconds() + expOffsetSeconds,
    };

    private static async Task<(HttpStatusCode Status, JsonNode Body)> TokenAsync(TestOrg org, Dictionary<string, string> form)
    {
        using var response = await org.PostFormAsync("/services/oauth2/token", form);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Test]
    public async Task JwtBearer_ValidAssertion_ReturnsTokenThatOpensTheApi()
    {
        await using var org = await TestOrg.StartAsync(login: false, generateKey: true);
        var (status, body) = await TokenAsync(org, new() { ["grant_type"] = JwtGrant, ["assertion"] = Jwt(org, Claims(org)) });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(body["token_type"]!.ToString(), Is.EqualTo("Bearer"));
            Assert.That(body["instance_url"]!.ToString(), Is.EqualTo(org.Emulator.InstanceUrl.ToString().TrimEnd('/')));
            Assert.That(body["id"]!.ToString(), Does.Contain("/id/00D"));
            Assert.That(body["issued_at"]!.ToString(), Is.EqualTo(org.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(body["signature"], Is.Not.Null);
            Assert.That(body["refresh_token"], Is.Null, "JWT bearer issues no refresh token");
        });
        org.UseToken(body["access_token"]!.ToString());
        var (limitsStatus, _, _) = await org.GetAsync("limits");
        Assert.That(limitsStatus, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task JwtBearer_BadAssertions_GiveTheOrgErrors()
    {
        await using var org = await TestOrg.StartAsync(login: false);
        using var otherKey = RSA.Create(2048);
        var cases = new (string Name, string Assertion, string Error, string Description)[]
        {
            ("wrong key", Jwt(org, Claims(org), otherKey.ExportPkcs8PrivateKeyPem()), "invalid_grant", "invalid assertion"),
            ("audience host only", Jwt(org, Claims(org, aud: "127.0.0.1")), "invalid_grant", "audience is invalid"),
            ("audience array", Jwt(org, Claims(org, aud: new JsonArray(org.Emulator.LoginUrl.ToString()))), "invalid_grant", "audience is invalid"),
            ("expired", Jwt(org, Claims(org, expOffsetSeconds: -600)), "invalid_grant", "invalid assertion"),
            ("unknown user", Jwt(org, Claims(org, sub: "someone@else.example")), "invalid_grant", "user hasn't approved this consumer"),
            ("unknown client", Jwt(org, Claims(org, iss: "other-app")), "invalid_client_id", "client identifier invalid"),
            ("not a jwt", "abc.def", "invalid_grant", "invalid assertion"),
        };
        foreach (var (name, assertion, error, description) in cases)
        {
            var (status, body) = await TokenAsync(org, new() { ["grant_type"] = JwtGrant, ["assertion"] = assertion });
            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), name);
                Assert.That(body["error"]!.ToString(), Is.EqualTo(error), name);
                Assert.That(body["error_description"]!.ToString(), Is.EqualTo(description), name);
            });
        }
    }

    [Test]
    public async Task JwtBearer_ExpWithinClockSkew_IsAccepted()
    {
        await using var org = await TestOrg.StartAsync(login: false);
        var (status, _) = await TokenAsync(org, new() { ["grant_type"] = JwtGrant, ["assertion"] = Jwt(org, Claims(org, expOffsetSeconds: -60)) });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ClientCredentials_WrongSecretOrClient_Fails()
    {
        await using var org = await TestOrg.StartAsync(login: false);
        var (badSecret, body1) = await TokenAsync(org, new() { ["grant_type"] = "client_credentials", ["client_id"] = org.Emulator.ClientId, ["client_secret"] = "nope" });
        var (badClient, body2) = await TokenAsync(org, new() { ["grant_type"] = "client_credentials", ["client_id"] = "nope", ["client_secret"] = org.Emulator.ClientSecret });
        var (badGrant, body3) = await TokenAsync(org, new() { ["grant_type"] = "password" });
        Assert.Multiple(() =>
        {
            Assert.That((badSecret, body1["error"]!.ToString()), Is.EqualTo((HttpStatusCode.BadRequest, "invalid_client")));
            Assert.That((badClient, body2["error"]!.ToString()), Is.EqualTo((HttpStatusCode.BadRequest, "invalid_client_id")));
            Assert.That((badGrant, body3["error"]!.ToString()), Is.EqualTo((HttpStatusCode.BadRequest, "unsupported_grant_type")));
        });
    }

    [Test]
    public async Task Token_JsonBody_IsRefusedBecauseOnlyFormsAreRead()
    {
        await using var org = await TestOrg.StartAsync(login: false);
        using var content = new StringContent("{\"grant_type\":\"client_credentials\"}", Encoding.UTF8, "application/json");
        using var response = await org.Http.PostAsync("/services/oauth2/token", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task RefreshToken_Valid_IssuesAccessToken_RevokedFails()
    {
        await using var org = await TestOrg.StartAsync(login: false);
        var refresh = org.Emulator.Control.IssueRefreshToken();
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refresh, ["client_id"] = org.Emulator.ClientId };
        var (ok, body) = await TokenAsync(org, form);
        Assert.That(ok, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["access_token"], Is.Not.Null);
        org.Emulator.Control.RevokeToken(refresh);
        var (revoked, error) = await TokenAsync(org, form);
        Assert.That((revoked, error["error_description"]!.ToString()), Is.EqualTo((HttpStatusCode.BadRequest, "expired access/refresh token")));
    }

    [Test]
    public async Task Session_AfterLifetime_Gives401InvalidSessionId()
    {
        await using var org = await TestOrg.StartAsync(o => o.SessionLifetime = TimeSpan.FromMinutes(30));
        Assert.That((await org.GetAsync("limits")).Status, Is.EqualTo(HttpStatusCode.OK));
        org.Time.Advance(TimeSpan.FromMinutes(31));
        var (status, body, _) = await org.GetAsync("limits");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(body!.ToJsonString(), Is.EqualTo("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"));
        });
    }

    [Test]
    public async Task Session_ExpireAllOrRevoke_Gives401()
    {
        await using var org = await TestOrg.StartAsync();
        org.Emulator.Control.ExpireAllSessions();
        Assert.That((await org.GetAsync("limits")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        var token = await org.ClientCredentialsTokenAsync();
        org.UseToken(token);
        Assert.That((await org.GetAsync("limits")).Status, Is.EqualTo(HttpStatusCode.OK));
        using var revoke = new StringContent(new JsonObject { ["token"] = token }.ToJsonString(), Encoding.UTF8, "application/json");
        using var revoked = await org.Http.PostAsync("/__emulator/sessions/revoke", revoke);
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await org.GetAsync("limits")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Start_WithoutCredentials_ReportsDefaults()
    {
        await using var org = await TestOrg.StartAsync(login: false, generateKey: true);
        Assert.Multiple(() =>
        {
            Assert.That(org.Emulator.CredentialsDefaulted, Is.True);
            Assert.That(org.Emulator.ClientId, Is.EqualTo(SalesforceEmulator.DefaultClientId));
            Assert.That(org.Emulator.GeneratedPrivateKeyPem, Does.StartWith("-----BEGIN PRIVATE KEY-----"));
        });
    }

    [Test]
    public async Task Start_WithCertificateFile_ChecksAgainstIt()
    {
        using var rsa = RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(Path.GetTempPath(), $"sfemu-{Guid.NewGuid():N}.crt");
        await File.WriteAllTextAsync(path, cert.ExportCertificatePem());
        try
        {
            await using var org = await TestOrg.StartAsync(o => { o.CertificatePath = path; o.ClientId = "app"; o.ClientSecret = "s3cret"; }, login: false);
            Assert.That(org.Emulator.GeneratedPrivateKeyPem, Is.Null);
            Assert.That(org.Emulator.CredentialsDefaulted, Is.False);
            var (status, _) = await TokenAsync(org, new() { ["grant_type"] = JwtGrant, ["assertion"] = Jwt(org, Claims(org), rsa.ExportPkcs8PrivateKeyPem()) });
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
