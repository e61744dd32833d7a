using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lightbridge.Salesforce.Auth;

namespace Lightbridge.Salesforce.Tests.Auth;

public sealed class JwtBearerAssertionTests
{
    private static readonly DateTimeOffset Expiry = new(2026, 11, 27, 3, 30, 0, TimeSpan.Zero);

    [Test]
    public void Create_ValidKey_HeaderIsRs256Only()
    {
        using var key = RSA.Create(2048);
        var parts = JwtBearerAssertion.Create("3MVG9abc", "integration@example.com", "https://login.salesforce.com", Expiry, key).Split('.');

        Assert.That(parts, Has.Length.EqualTo(3));
        Assert.That(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])), Is.EqualTo("""{"alg":"RS256"}"""));
    }

    [Test]
    public void Create_ValidKey_ClaimsCarryIssuerSubjectAudienceAndEpochExpiry()
    {
        using var key = RSA.Create(2048);
        var parts = JwtBearerAssertion.Create("3MVG9abc", "integration@example.com", "https://login.salesforce.com", Expiry, key).Split('.');

        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var root = claims.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("iss").GetString(), Is.EqualTo("3MVG9abc"));
            Assert.That(root.GetProperty("sub").GetString(), Is.EqualTo("integration@example.com"));
            Assert.That(root.GetProperty("aud").ValueKind, Is.EqualTo(JsonValueKind.String), "aud must be one string, never an array");
            Assert.That(root.GetProperty("aud").GetString(), Is.EqualTo("https://login.salesforce.com"));
            Assert.That(root.GetProperty("exp").GetInt64(), Is.EqualTo(Expiry.ToUnixTimeSeconds()));
        });
    }

    [Test]
    public void Create_ValidKey_SignatureVerifiesWithThePublicKey()
    {
        using var key = RSA.Create(2048);
        using var publicKey = RSA.Create();
        publicKey.ImportFromPem(key.ExportSubjectPublicKeyInfoPem());

        var assertion = JwtBearerAssertion.Create("3MVG9abc", "integration@example.com", "https://login.salesforce.com", Expiry, key);
        var lastDot = assertion.LastIndexOf('.');
        var signingInput = Encoding.ASCII.GetBytes(assertion[..lastDot]);
        var signature = Base64Url.DecodeFromChars(assertion.AsSpan(lastDot + 1));

        Assert.That(publicKey.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public void Create_ClaimsTamperedAfterSigning_SignatureNoLongerVerifies()
    {
        using var key = RSA.Create(2048);
        var assertion = JwtBearerAssertion.Create("3MVG9abc", "integration@example.com", "https://login.salesforce.com", Expiry, key);
        var parts = assertion.Split('.');
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $$"""{"iss":"3MVG9abc","sub":"admin@example.com","aud":"https://login.salesforce.com","exp":{{Expiry.ToUnixTimeSeconds()}}}"""));

        var valid = key.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + forged), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        Assert.That(valid, Is.False);
    }

    [Test]
    public void Create_Output_IsBase64UrlWithoutPadding()
    {
        using var key = RSA.Create(2048);
        var assertion = JwtBearerAssertion.Create("id+/=", "user@example.com", "https://login.salesforce.com", Expiry, key);

        Assert.That(assertion, Does.Not.Contain("=").And.Not.Contain("+").And.Not.Contain("/"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void LoadPrivateKey_Pkcs8OrPkcs1Pem_SignsLikeTheOriginal(bool pkcs1)
    {
        using var original = RSA.Create(2048);
        var pem = pkcs1 ? original.ExportRSAPrivateKeyPem() : original.ExportPkcs8PrivateKeyPem();

        using var loaded = JwtBearerAssertion.LoadPrivateKey(pem, "test");
        var data = "payload"u8.ToArray();
        var signature = loaded.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        Assert.That(original.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public void LoadPrivateKey_NotAKey_ThrowsNamingTheSourceButNotTheContent()
    {
        var ex = Assert.Throws<ArgumentException>(() => JwtBearerAssertion.LoadPrivateKey("secret-looking-garbage", "Salesforce:PrivateKeyPath (/keys/sf.pem)"));

        Assert.That(ex!.Message, Does.Contain("/keys/sf.pem").And.Not.Contain("secret-looking-garbage"));
    }
}
