using System.Net;
using Lightbridge.Salesforce.Http;

namespace Lightbridge.Salesforce.Tests.Http;

public sealed class SalesforceErrorMapTests
{
    private const string Endpoint = "GET /services/data/v62.0/query";

    [Test]
    public void FromResponse_401InvalidSession_SessionExpiredException()
    {
        var ex = SalesforceErrorMap.FromResponse(
            HttpStatusCode.Unauthorized, Endpoint, """[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""");

        Assert.That(ex, Is.InstanceOf<SalesforceSessionExpiredException>());
        Assert.That(ex.ErrorCode, Is.EqualTo("INVALID_SESSION_ID"));
        Assert.That(ex.IsTransient, Is.False);
    }

    [TestCase("TotalRequests Limit exceeded.")]
    [TestCase("ConcurrentPerOrgLongTxn Limit exceeded.")]
    public void FromResponse_403RequestLimitExceeded_RequestLimitExceededExceptionNotTransient(string message)
    {
        var ex = SalesforceErrorMap.FromResponse(HttpStatusCode.Forbidden, Endpoint, $$"""[{"message":"{{message}}","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""");

        Assert.That(ex, Is.InstanceOf<SalesforceRequestLimitExceededException>());
        Assert.That(ex.Message, Does.Contain(message));
        Assert.That(ex.IsTransient, Is.False, "never retried blindly");
    }

    [Test]
    public void FromResponse_403OtherCode_PlainApiException()
    {
        var ex = SalesforceErrorMap.FromResponse(
            HttpStatusCode.Forbidden, Endpoint, """[{"message":"insufficient access rights on object id","errorCode":"INSUFFICIENT_ACCESS_OR_READONLY"}]""");

        Assert.That(ex.GetType(), Is.EqualTo(typeof(SalesforceApiException)));
        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void FromResponse_404_NotFoundException()
    {
        var ex = SalesforceErrorMap.FromResponse(
            HttpStatusCode.NotFound, Endpoint, """[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]""");

        Assert.That(ex, Is.InstanceOf<SalesforceNotFoundException>());
        Assert.That(ex.Message, Does.Contain("The requested resource does not exist"));
    }

    [Test]
    public void FromResponse_400WithFields_CarriesCodeAndFields()
    {
        var ex = SalesforceErrorMap.FromResponse(
            HttpStatusCode.BadRequest,
            Endpoint,
            """[{"message":"No such column 'Foo__c' on sobject of type Contact","errorCode":"INVALID_FIELD","fields":["Foo__c"]}]""");

        Assert.Multiple(() =>
        {
            Assert.That(ex.ErrorCode, Is.EqualTo("INVALID_FIELD"));
            Assert.That(ex.Fields, Is.EqualTo(new[] { "Foo__c" }));
            Assert.That(ex.Endpoint, Is.EqualTo(Endpoint));
            Assert.That(ex.IsTransient, Is.False);
        });
    }

    [Test]
    public void FromResponse_UnableToLockRow_Transient()
    {
        var ex = SalesforceErrorMap.FromResponse(
            HttpStatusCode.BadRequest,
            Endpoint,
            """[{"message":"unable to obtain exclusive access to this record or 1 records: 003xx","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]""");

        Assert.That(ex.IsTransient, Is.True);
    }

    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    public void FromResponse_5xxWithHtmlBody_TransientWithTextAsMessage(HttpStatusCode status)
    {
        var ex = SalesforceErrorMap.FromResponse(status, Endpoint, "<html><body>Service Unavailable</body></html>");

        Assert.That(ex.IsTransient, Is.True);
        Assert.That(ex.Errors.Single().Message, Does.Contain("Service Unavailable"));
    }

    [Test]
    public void FromResponse_EmptyBody_NoErrorsStillMapped()
    {
        var ex = SalesforceErrorMap.FromResponse(HttpStatusCode.InternalServerError, Endpoint, string.Empty);

        Assert.That(ex.Errors, Is.Empty);
        Assert.That(ex.ErrorCode, Is.Null);
        Assert.That(ex.Message, Does.Contain("500"));
    }

    [Test]
    public void ParseErrors_RecordLevelStatusCodeShape_ReadAsErrorCode()
    {
        var errors = SalesforceErrorMap.ParseErrors("""[{"statusCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [Name]","fields":["Name"]}]""");

        Assert.That(errors, Is.EqualTo(new[] { new ApiError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", ["Name"]) }).Using<ApiError>(SameError));
    }

    [Test]
    public void ParseErrors_OAuthShape_ReadsErrorAndDescription()
    {
        var error = SalesforceErrorMap.ParseErrors("""{"error":"invalid_grant","error_description":"authentication failure"}""").Single();

        Assert.That(error.ErrorCode, Is.EqualTo("invalid_grant"));
        Assert.That(error.Message, Is.EqualTo("authentication failure"));
    }

    [Test]
    public void ParseErrors_SeveralEntries_AllKept()
    {
        var errors = SalesforceErrorMap.ParseErrors(
            """[{"message":"a","errorCode":"X"},{"message":"b","errorCode":"Y","fields":["F__c"]}]""");

        Assert.That(errors.Select(e => e.ErrorCode), Is.EqualTo(new[] { "X", "Y" }));
    }

    [Test]
    public void Describe_PathWithQuery_QueryDropped()
    {
        Assert.That(
            SalesforceErrorMap.Describe(HttpMethod.Get, "/services/data/v62.0/query?q=SELECT+Email+FROM+Contact"),
            Is.EqualTo("GET /services/data/v62.0/query"));
    }

    private static bool SameError(ApiError a, ApiError b) =>
        a.ErrorCode == b.ErrorCode && a.Message == b.Message && a.Fields.SequenceEqual(b.Fields);
}
