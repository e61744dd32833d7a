using System.Net;
using Lightbridge.Salesforce.Auth;

namespace Lightbridge.Salesforce.Tests.Auth;

public sealed class TokenResponseParserTests
{
    private const string Login = "https://login.salesforce.com";

    [Test]
    public void Parse_JwtBearerSuccess_ReadsTokenAndInstance()
    {
        const string body = """
            {"access_token":"00Dxx0000001gPL!AR8AQJXg","scope":"api","instance_url":"https://acme.my.salesforce.com",
             "id":"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001Sv6AAAS","token_type":"Bearer"}
            """;

        var token = TokenResponseParser.Parse(HttpStatusCode.OK, body, SalesforceAuthFlow.JwtBearer, Login);

        Assert.Multiple(() =>
        {
            Assert.That(token.AccessToken, Is.EqualTo("00Dxx0000001gPL!AR8AQJXg"));
            Assert.That(token.InstanceUrl, Is.EqualTo(new Uri("https://acme.my.salesforce.com")));
            Assert.That(token.IssuedAt, Is.Null);
            Assert.That(token.RefreshToken, Is.Null);
        });
    }

    [Test]
    public void Parse_RefreshSuccessWithIssuedAtString_ReadsMillisecondsSinceEpoch()
    {
        const string body = """
            {"access_token":"tok","signature":"sig","scope":"api refresh_token","instance_url":"https://na1.salesforce.com",
             "id":"https://login.salesforce.com/id/00D/005","token_type":"Bearer","issued_at":"1700000000123","refresh_token":"rotated"}
            """;

        var token = TokenResponseParser.Parse(HttpStatusCode.OK, body, SalesforceAuthFlow.RefreshToken, Login);

        Assert.That(token.IssuedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123)));
        Assert.That(token.RefreshToken, Is.EqualTo("rotated"));
    }

    [TestCase("invalid_grant", "user hasn't approved this consumer")]
    [TestCase("invalid_grant", "audience is invalid")]
    [TestCase("invalid_client_id", "client identifier invalid")]
    [TestCase("unsupported_grant_type", "grant type not supported")]
    public void Parse_OAuthError_ThrowsAuthExceptionNamingGrantLoginUrlAndDescription(string error, string description)
    {
        var body = $$"""{"error":"{{error}}","error_description":"{{description}}"}""";

        var ex = Assert.Throws<SalesforceAuthException>(() => TokenResponseParser.Parse(HttpStatusCode.BadRequest, body, SalesforceAuthFlow.JwtBearer, Login));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.OAuthError, Is.EqualTo(error));
            Assert.That(ex.ErrorDescription, Is.EqualTo(description));
            Assert.That(ex.Flow, Is.EqualTo(SalesforceAuthFlow.JwtBearer));
            Assert.That(ex.Message, Does.Contain("JWT bearer").And.Contain(Login).And.Contain(description));
            Assert.That(ex.IsTransient, Is.False);
        });
    }

    [Test]
    public void Parse_ServerError_ThrowsTransientApiException()
    {
        var ex = Assert.Throws<SalesforceApiException>(() =>
            TokenResponseParser.Parse(HttpStatusCode.ServiceUnavailable, "<html>down</html>", SalesforceAuthFlow.ClientCredentials, Login));

        Assert.That(ex, Is.Not.InstanceOf<SalesforceAuthException>());
        Assert.That(ex!.IsTransient, Is.True);
    }

    [Test]
    public void Parse_SuccessWithoutInstanceUrl_ThrowsApiException()
    {
        Assert.Throws<SalesforceApiException>(() =>
            TokenResponseParser.Parse(HttpStatusCode.OK, """{"access_token":"tok"}""", SalesforceAuthFlow.ClientCredentials, Login));
    }

    [Test]
    public void ToString_AccessToken_NeverShowsTheToken()
    {
        var token = new SalesforceAccessToken("00Dxx!secret", new Uri("https://na1.salesforce.com"), null, "refresh-secret");

        Assert.That(token.ToString(), Is.EqualTo("***"));
        Assert.That($"{token}", Does.Not.Contain("secret"));
    }
}
