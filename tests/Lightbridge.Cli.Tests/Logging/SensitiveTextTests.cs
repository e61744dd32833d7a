using Lightbridge.Cli.Logging;

namespace Lightbridge.Cli.Tests.Logging;

[TestFixture]
public sealed class SensitiveTextTests
{
    [TestCase("Customer jane.doe@example.com failed", "Customer j***@example.com failed")]
    [TestCase("call +14155550123 or (415) 555-0123 or 415-555-0123", "call +********123 or *******123 or *******123")]
    [TestCase("+44 20 7946 0958", "+*********958")]
    [TestCase("Authorization: Bearer 00D000000000001!AQ8AQJ.gbKzxx_fake", "Authorization: Bearer [REDACTED]")]
    [TestCase("grant_type=refresh_token&refresh_token=abc123def456&client_secret=s3cr3t", "grant_type=refresh_token&refresh_token=[REDACTED]&client_secret=[REDACTED]")]
    [TestCase("{\"access_token\":\"tok-123456\",\"instance_url\":\"http://127.0.0.1:5000\"}", "{\"access_token\":\"[REDACTED]\",\"instance_url\":\"http://127.0.0.1:5000\"}")]
    [TestCase("assertion eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJhYmMifQ.c2lnbmF0dXJl here", "assertion [REDACTED] here")]
    [TestCase("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY----- after", "[REDACTED] after")]
    public void Mask_SensitiveValue_IsMaskedOrRedacted(string text, string expected) =>
        Assert.That(SensitiveText.Mask(text), Is.EqualTo(expected));

    [TestCase("Sync of Item finished Succeeded: read 25, skipped 0, created 25, updated 0, failed 0")]
    [TestCase("2026-11-27T05:56:37.1234567+00:00 run 20261127055637-Item-3f2a replay id 1234567890123")]
    [TestCase("Serving health and metrics at http://127.0.0.1:9464")]
    [TestCase("Customer j***@example.com and +1*******123 are already masked")]
    [TestCase("Lightspeed 429: bucket 60/60, retry after 2.5 s; checkpoint 2026-11-27 05:56:37Z")]
    public void Mask_OrdinaryText_IsLeftAlone(string text) =>
        Assert.That(SensitiveText.Mask(text), Is.EqualTo(text));

    [TestCase("AccessToken", true)]
    [TestCase("client_secret", true)]
    [TestCase("Password", true)]
    [TestCase("PrivateKey", true)]
    [TestCase("Entity", false)]
    [TestCase("PrivateKeyPath", false)]
    [TestCase("RunId", false)]
    public void IsSecretName_ClassifiesPropertyNames(string name, bool secret) =>
        Assert.That(SensitiveText.IsSecretName(name), Is.EqualTo(secret));
}
