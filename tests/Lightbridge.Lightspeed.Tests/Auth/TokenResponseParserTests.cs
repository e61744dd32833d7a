using Lightbridge.Lightspeed.Auth;

namespace Lightbridge.Lightspeed.Tests.Auth;

public sealed class TokenResponseParserTests
{
    [Test]
    public void Parse_DocumentedResponse_ReadsThePairAndLifetime()
    {
        var grant = TokenResponseParser.Parse(
            """{"token_type":"Bearer","expires_in":1800,"access_token":"eyJ.a.b","refresh_token":"def50200abc"}""", "POST t");

        Assert.That(grant.AccessToken, Is.EqualTo("eyJ.a.b"));
        Assert.That(grant.RefreshToken, Is.EqualTo("def50200abc"));
        Assert.That(grant.ExpiresIn, Is.EqualTo(TimeSpan.FromMinutes(30)));
    }

    [Test]
    public void Parse_ExpiresInAsString_IsAccepted()
    {
        var grant = TokenResponseParser.Parse("""{"expires_in":"3600","access_token":"a","refresh_token":"r"}""", "POST t");

        Assert.That(grant.ExpiresIn, Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public void Parse_MissingRefreshToken_ThrowsWithoutEchoingTheBody()
    {
        var ex = Assert.Throws<LightspeedApiException>(() => TokenResponseParser.Parse("""{"expires_in":3600,"access_token":"secret-access"}""", "POST t"));

        Assert.That(ex!.Message, Does.Not.Contain("secret-access"));
    }

    [Test]
    public void TokenSet_ToString_ShowsNoSecret()
    {
        var set = new LightspeedTokenSet("secret-access", "secret-refresh", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1));

        Assert.That(set.ToString(), Does.Not.Contain("secret"));
        Assert.That(new TokenGrant("secret-a", "secret-r", TimeSpan.FromHours(1)).ToString(), Does.Not.Contain("secret"));
    }
}
