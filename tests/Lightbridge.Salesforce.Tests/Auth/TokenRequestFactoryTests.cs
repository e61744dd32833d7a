using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Lightbridge.Salesforce.Auth;
using Microsoft.Extensions.Time.Testing;

namespace Lightbridge.Salesforce.Tests.Auth;

public sealed class TokenRequestFactoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    [Test]
    public void BuildForm_JwtBearer_SendsGrantTypeAndAssertionWithAudienceWithoutTrailingSlash()
    {
        using var key = RSA.Create(2048);
        var options = new SalesforceClientOptions
        {
            LoginUrl = new Uri("https://login.salesforce.com/"),
            ClientId = "3MVG9abc",
            Username = "integration@example.com",
            PrivateKeyPem = key.ExportPkcs8PrivateKeyPem(),
        };
        using var factory = new TokenRequestFactory(options, new FakeTimeProvider(Now));

        var form = factory.BuildForm().ToDictionary(p => p.Key, p => p.Value);

        Assert.That(form.Keys, Is.EquivalentTo(new[] { "grant_type", "assertion" }), "no secret travels with the JWT grant");
        Assert.That(form["grant_type"], Is.EqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer"));
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(form["assertion"].Split('.')[1]));
        Assert.Multiple(() =>
        {
            Assert.That(claims.RootElement.GetProperty("aud").GetString(), Is.EqualTo("https://login.salesforce.com"));
            Assert.That(claims.RootElement.GetProperty("exp").GetInt64(), Is.EqualTo((Now + JwtBearerAssertion.Lifetime).ToUnixTimeSeconds()));
        });
    }

    [Test]
    public void BuildForm_JwtBearerWithKeyFile_ReadsThePemFile()
    {
        using var key = RSA.Create(2048);
        var path = Path.Combine(Path.GetTempPath(), $"sf-test-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        try
        {
            var options = new SalesforceClientOptions
            {
                LoginUrl = new Uri("https://login.salesforce.com"),
                ClientId = "3MVG9abc",
                Username = "integration@example.com",
                PrivateKeyPath = path,
            };
            using var factory = new TokenRequestFactory(options, new FakeTimeProvider(Now));

            var assertion = factory.BuildForm().Single(p => p.Key == "assertion").Value;
            var lastDot = assertion.LastIndexOf('.');

            Assert.That(
                key.VerifyData(System.Text.Encoding.ASCII.GetBytes(assertion[..lastDot]), Base64Url.DecodeFromChars(assertion.AsSpan(lastDot + 1)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                Is.True);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void BuildForm_KeyFileMissing_AuthExceptionNamingTheSetting()
    {
        var options = new SalesforceClientOptions
        {
            LoginUrl = new Uri("https://login.salesforce.com"),
            ClientId = "3MVG9abc",
            Username = "integration@example.com",
            PrivateKeyPath = "/nonexistent/sf-key.pem",
        };
        using var factory = new TokenRequestFactory(options, new FakeTimeProvider(Now));

        var ex = Assert.Throws<SalesforceAuthException>(() => factory.BuildForm());

        Assert.That(ex!.Message, Does.Contain("/nonexistent/sf-key.pem").And.Contain("https://login.salesforce.com"));
        Assert.That(ex.IsTransient, Is.False);
    }

    [Test]
    public void BuildForm_ClientCredentials_SendsIdAndSecret()
    {
        var options = new SalesforceClientOptions
        {
            LoginUrl = new Uri("https://acme.my.salesforce.com"),
            Auth = SalesforceAuthFlow.ClientCredentials,
            ClientId = "id",
            ClientSecret = "secret",
        };
        using var factory = new TokenRequestFactory(options, new FakeTimeProvider(Now));

        var form = factory.BuildForm().ToDictionary(p => p.Key, p => p.Value);

        Assert.That(form, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "id",
            ["client_secret"] = "secret",
        }));
    }

    [Test]
    public void BuildForm_RefreshTokenAfterRotation_SendsTheRotatedToken()
    {
        var options = new SalesforceClientOptions
        {
            LoginUrl = new Uri("https://login.salesforce.com"),
            Auth = SalesforceAuthFlow.RefreshToken,
            ClientId = "id",
            RefreshToken = "first-refresh",
        };
        using var factory = new TokenRequestFactory(options, new FakeTimeProvider(Now));
        var before = factory.BuildForm().ToDictionary(p => p.Key, p => p.Value);

        factory.Issued(new SalesforceAccessToken("access", new Uri("https://na1.salesforce.com"), null, "second-refresh"));
        var after = factory.BuildForm().ToDictionary(p => p.Key, p => p.Value);

        Assert.Multiple(() =>
        {
            Assert.That(before["grant_type"], Is.EqualTo("refresh_token"));
            Assert.That(before["refresh_token"], Is.EqualTo("first-refresh"));
            Assert.That(before.ContainsKey("client_secret"), Is.False, "the secret is optional for the refresh grant");
            Assert.That(after["refresh_token"], Is.EqualTo("second-refresh"));
        });
    }
}
