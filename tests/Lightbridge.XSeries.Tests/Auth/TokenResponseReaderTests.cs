using Lightbridge.XSeries.Auth;

namespace Lightbridge.XSeries.Tests.Auth;

/// <summary>The token response read from strings: the lifetime is always read, never assumed.</summary>
public sealed class TokenResponseReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Read_ExpiresIn_WinsOverExpires()
    {
        var grant = TokenResponseReader.Read(
            """{"access_token":"a","token_type":"Bearer","expires":1772600000,"expires_in":604800,"refresh_token":"r","domain_prefix":"demo"}""", "POST /api/1.0/token", Now);

        Assert.That((grant.AccessToken, grant.RefreshToken, grant.ExpiresAt), Is.EqualTo(("a", (string?)"r", Now.AddDays(7))));
    }

    [Test]
    public void Read_OnlyExpires_UsesItAsAUnixTime() =>
        Assert.That(TokenResponseReader.Read("""{"access_token":"a","expires":1772535600}""", "POST /t", Now).ExpiresAt, Is.EqualTo(Now.AddHours(1)));

    [Test]
    public void Read_NoRefreshTokenAndNoLifetime_KeepsTheOldRefreshTokenAndRefreshesSoon()
    {
        var grant = TokenResponseReader.Read("""{"access_token":"a","expires_in":"0"}""", "POST /t", Now);

        Assert.That(grant.RefreshToken, Is.Null);
        Assert.That(grant.ExpiresAt, Is.EqualTo(Now.AddMinutes(10)));
    }

    [Test]
    public void Read_NoAccessToken_IsAnAuthErrorThatShowsNoTokenValue()
    {
        var ex = Assert.Throws<XSeriesAuthException>(() => TokenResponseReader.Read("""{"refresh_token":"do-not-show"}""", "POST /api/1.0/token", Now));

        Assert.That(ex!.Message, Does.Contain("no access_token").And.Not.Contain("do-not-show"));
    }

    [Test]
    public void Read_NotJson_IsTransient() =>
        Assert.That(Assert.Throws<XSeriesApiException>(() => TokenResponseReader.Read("<html>", "POST /t", Now))!.IsTransient, Is.True);

    [Test]
    public void ToString_ShowsNoToken() =>
        Assert.That(new TokenGrant("secret-a", "secret-r", Now).ToString(), Does.Not.Contain("secret"));
}
