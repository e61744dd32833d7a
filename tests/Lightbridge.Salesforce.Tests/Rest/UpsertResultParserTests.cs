using System.Net;
using Lightbridge.Salesforce.Rest;

namespace Lightbridge.Salesforce.Tests.Rest;

public sealed class UpsertResultParserTests
{
    [Test]
    public void Parse_201_CreatedWithId()
    {
        var result = UpsertResultParser.Parse(HttpStatusCode.Created, """{"id":"003xx000004TmiQAAS","success":true,"errors":[],"created":true}""");

        Assert.That(result, Is.EqualTo(new UpsertResult(UpsertOutcome.Created, "003xx000004TmiQAAS", result.Errors)));
        Assert.That(result.Success, Is.True);
    }

    [Test]
    public void Parse_200_UpdatedWithId()
    {
        var result = UpsertResultParser.Parse(HttpStatusCode.OK, """{"id":"003xx000004TmiQAAS","success":true,"errors":[],"created":false}""");

        Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.Updated));
        Assert.That(result.Id, Is.EqualTo("003xx000004TmiQAAS"));
    }

    [Test]
    public void Parse_204FromOldVersions_UpdatedWithoutId()
    {
        var result = UpsertResultParser.Parse(HttpStatusCode.NoContent, string.Empty);

        Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.Updated));
        Assert.That(result.Id, Is.Null);
    }

    [Test]
    public void Parse_300_MultipleMatchesWithTheirUrls()
    {
        var result = UpsertResultParser.Parse(
            HttpStatusCode.MultipleChoices,
            """["/services/data/v62.0/sobjects/Contact/003xx000004TmiQAAS","/services/data/v62.0/sobjects/Contact/003xx000004TmiRAAS"]""");

        Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.MultipleMatches));
        Assert.That(result.MatchingRecordUrls, Has.Count.EqualTo(2));
        Assert.That(result.Success, Is.False);
    }

    [Test]
    public void Parse_404_NotFoundWithErrors()
    {
        var result = UpsertResultParser.Parse(HttpStatusCode.NotFound, """[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]""");

        Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.NotFound));
        Assert.That(result.Errors.Single().StatusCode, Is.EqualTo("NOT_FOUND"));
    }

    [Test]
    public void Parse_400ForeignKeyNotFound_FailedValueWithFields()
    {
        var result = UpsertResultParser.Parse(
            HttpStatusCode.BadRequest,
            """[{"message":"Foreign key external ID: 1-9 not found for field Lightspeed_Shop_Id__c in entity Lightspeed_Store__c","errorCode":"INVALID_FIELD","fields":[]}]""");

        Assert.That(result.Outcome, Is.EqualTo(UpsertOutcome.Failed));
        Assert.That(result.Errors.Single().StatusCode, Is.EqualTo("INVALID_FIELD"));
        Assert.That(result.Errors.Single().Message, Does.StartWith("Foreign key external ID"));
    }

    [Test]
    public void SaveResult_PublishedEventEnqueued_SuccessWithEnqueuedNotice()
    {
        var (id, success, errors) = UpsertResultParser.SaveResult(
            """{"id":"e00xx0000000001AAA","success":true,"errors":[{"statusCode":"OPERATION_ENQUEUED","message":"08d3c5b0-2a71-4d2e-9e5a-0f0f0f0f0f0f","fields":[]}]}""");

        Assert.That(id, Is.EqualTo("e00xx0000000001AAA"));
        Assert.That(success, Is.True);
        Assert.That(errors.Single().StatusCode, Is.EqualTo("OPERATION_ENQUEUED"));
    }
}
