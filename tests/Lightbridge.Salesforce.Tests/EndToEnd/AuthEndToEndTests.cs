using Lightbridge.Salesforce.Auth;

namespace Lightbridge.Salesforce.Tests.EndToEnd;

/// <summary>
/// Each OAuth grant of the client against the emulator's token endpoint (reference §2.1), the refusal of a wrong
/// secret, and session renewal after every session is expired mid-run.
/// </summary>
[TestFixture]
public sealed class AuthEndToEndTests
{
    [Test]
    public async Task JwtBearer_GeneratedKeyInPemFile_LogsInAndQueries()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var keyFile = Path.Combine(Path.GetTempPath(), $"lightbridge-e2e-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyFile, org.Emulator.GeneratedPrivateKeyPem);
        try
        {
            var client = org.Client(SalesforceAuthFlow.JwtBearer, privateKeyPath: keyFile);

            var users = await client.QueryAsync("SELECT Username FROM User").Select(u => u.GetProperty("Username").GetString()).ToListAsync();

            Assert.That(users, Does.Contain(org.Emulator.Username));
            Assert.That(org.Control.Counters.GetValueOrDefault("oauth.jwt-bearer"), Is.EqualTo(1));
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Test]
    public async Task JwtBearer_GeneratedKeyAsPemText_LogsIn()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client(SalesforceAuthFlow.JwtBearer, privateKeyPem: org.Emulator.GeneratedPrivateKeyPem);

        var limits = await client.GetLimitsAsync();

        Assert.That(limits, Is.Not.Null);
        Assert.That(client.Statistics.TokenRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task ClientCredentials_EmulatorSecret_LogsInOnceForSeveralCalls()
    {
        await using var org = await EmulatedOrg.StartAsync();
        org.LoadStores(3);
        var client = org.Client();

        var first = await client.QueryAsync("SELECT Id FROM Lightspeed_Store__c").CountAsync();
        var second = await client.QueryAsync("SELECT Id FROM Lightspeed_Store__c").CountAsync();

        Assert.That((first, second), Is.EqualTo((3, 3)));
        Assert.That(org.Control.Counters.GetValueOrDefault("oauth.client_credentials"), Is.EqualTo(1));
    }

    [Test]
    public async Task RefreshToken_IssuedByTheOrg_LogsIn()
    {
        await using var org = await EmulatedOrg.StartAsync();
        var client = org.Client(SalesforceAuthFlow.RefreshToken, refreshToken: org.Control.IssueRefreshToken());

        await client.GetLimitsAsync();

        Assert.That(org.Control.Counters.GetValueOrDefault("oauth.refresh_token"), Is.EqualTo(1));
    }

    [Test]
    public async Task ClientCredentials_WrongSecret_ThrowsAuthExceptionNamingTheGrantWithoutTheSecret()
    {
        await using var org = await EmulatedOrg.StartAsync();
        const string WrongSecret = "not-the-secret-4711";
        var client = org.Client(clientSecret: WrongSecret);

        var ex = Assert.ThrowsAsync<SalesforceAuthException>(() => client.GetLimitsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Flow, Is.EqualTo(SalesforceAuthFlow.ClientCredentials));
            Assert.That(ex.OAuthError, Is.EqualTo("invalid_client"));
            Assert.That(ex.Message, Does.Contain("client credentials"));
            Assert.That(ex.Message, Does.Not.Contain(WrongSecret));
            Assert.That(ex.Message, Does.Not.Contain(org.Emulator.ClientSecret));
            Assert.That(ex.ToString(), Does.Not.Contain(WrongSecret));
        });
    }

    [Test]
    public async Task ExpireAllSessions_EightConcurrentCallers_OneNewTokenRequestAndAllSucceed()
    {
        await using var org = await EmulatedOrg.StartAsync();
        org.LoadStores(5);
        var client = org.Client();
        await client.GetLimitsAsync();
        Assert.That(client.Statistics.TokenRequests, Is.EqualTo(1));

        org.Control.ExpireAllSessions();
        var counts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.QueryAsync("SELECT Id FROM Lightspeed_Store__c").CountAsync().AsTask())));

        Assert.Multiple(() =>
        {
            Assert.That(counts, Is.All.EqualTo(5));
            Assert.That(client.Statistics.TokenRequests, Is.EqualTo(2), "one renewal shared by every caller that saw the 401");
            Assert.That(org.Control.Counters.GetValueOrDefault("oauth.client_credentials"), Is.EqualTo(2));
            Assert.That(client.Statistics.UnauthorizedResponses, Is.InRange(1, 8));
        });
    }

    [Test]
    public async Task JwtBearer_SessionsExpiredMidRun_SignsANewAssertionAndGoesOn()
    {
        await using var org = await EmulatedOrg.StartAsync();
        org.LoadStores(2);
        var client = org.Client(SalesforceAuthFlow.JwtBearer, privateKeyPem: org.Emulator.GeneratedPrivateKeyPem);
        await client.GetLimitsAsync();

        org.Control.ExpireAllSessions();
        var count = await client.QueryAsync("SELECT Id FROM Lightspeed_Store__c").CountAsync();

        Assert.That(count, Is.EqualTo(2));
        Assert.That(org.Control.Counters.GetValueOrDefault("oauth.jwt-bearer"), Is.EqualTo(2));
        Assert.That(client.Statistics.UnauthorizedResponses, Is.EqualTo(1));
    }
}
