using System.Net;
using Lightbridge.Lightspeed.Http;

namespace Lightbridge.Lightspeed.Tests.Http;

public sealed class LightspeedErrorMapTests
{
    [Test]
    public void FromResponse_NotFound_NamesTheRequestAndTheApiMessage()
    {
        var ex = LightspeedErrorMap.FromResponse(
            HttpStatusCode.NotFound,
            "GET /API/V3/Account/1/Employee/9.json",
            """{"httpCode":"404","httpMessage":"Not Found","message":"Object of type 'Employee' not found with ID 9","errorClass":"Exception"}""");

        Assert.That(ex, Is.TypeOf<LightspeedApiException>());
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ex.Endpoint, Is.EqualTo("GET /API/V3/Account/1/Employee/9.json"));
        Assert.That(ex.ApiMessage, Is.EqualTo("Object of type 'Employee' not found with ID 9"));
        Assert.That(ex.Message, Does.Contain("GET /API/V3/Account/1/Employee/9.json").And.Contain("not found with ID 9"));
        Assert.That(ex.IsTransient, Is.False);
    }

    [Test]
    public void FromResponse_BadRequestTryAgainLater_IsTransient()
    {
        var ex = LightspeedErrorMap.FromResponse(HttpStatusCode.BadRequest, "GET /x", """{"message":"Server busy. Please try again later."}""");

        Assert.That(ex.IsTransient, Is.True);
    }

    [Test]
    public void FromResponse_BadRequestSortError_IsNotTransient()
    {
        var ex = LightspeedErrorMap.FromResponse(HttpStatusCode.BadRequest, "GET /x", """{"message":"Invalid sort field. Allowed: saleID, timeStamp"}""");

        Assert.That(ex.IsTransient, Is.False);
        Assert.That(ex.ApiMessage, Does.Contain("Allowed"));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    public void FromResponse_ServerError_IsTransient(HttpStatusCode status)
    {
        Assert.That(LightspeedErrorMap.FromResponse(status, "GET /x", "<html>oops</html>").IsTransient, Is.True);
    }

    [Test]
    public void FromTokenResponse_InvalidGrant_IsAuthExceptionNamingTheEndpoint()
    {
        var ex = LightspeedErrorMap.FromTokenResponse(
            HttpStatusCode.BadRequest, "POST http://127.0.0.1:5000/auth/oauth/token",
            """{"error":"invalid_grant","error_description":"The refresh token is invalid.","hint":"Token has been revoked"}""");

        Assert.That(ex, Is.TypeOf<LightspeedAuthException>());
        Assert.That(((LightspeedAuthException)ex).OAuthError, Is.EqualTo("invalid_grant"));
        Assert.That(ex.Message, Does.Contain("/auth/oauth/token"));
    }

    [Test]
    public void Describe_DropsTheQuery()
    {
        var uri = new Uri("http://127.0.0.1/API/V3/Account/1/Customer.json?or=email%3Dx%40example.com");

        Assert.That(LightspeedErrorMap.Describe(HttpMethod.Get, uri), Is.EqualTo("GET /API/V3/Account/1/Customer.json"));
    }
}
