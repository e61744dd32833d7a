using System.Text.Json;
using Lightbridge.Salesforce.Rest;

namespace Lightbridge.Salesforce.Tests.Rest;

public sealed class CompositeTests
{
    private const string Root = "/services/data/v62.0/";

    [Test]
    public void Write_TwoSubrequestsWithReference_BodyAndUrlsAsTheApiExpects()
    {
        CompositeSubrequest[] subrequests =
        [
            new(HttpMethod.Patch, "sobjects/Lightspeed_Store__c/Lightspeed_Shop_Id__c/1-1", "store")
            {
                Body = new Dictionary<string, object?> { ["Store_Code__c"] = "S1" },
            },
            new(HttpMethod.Get, "sobjects/Lightspeed_Store__c/" + CompositeSubrequest.Reference("store") + "?fields=Name", "readBack"),
        ];

        var json = CompositeRequestWriter.Write(subrequests, allOrNone: true, Root);

        Assert.That(json, Is.EqualTo(
            """{"allOrNone":true,"compositeRequest":[""" +
            """{"method":"PATCH","url":"/services/data/v62.0/sobjects/Lightspeed_Store__c/Lightspeed_Shop_Id__c/1-1","referenceId":"store","body":{"Store_Code__c":"S1"}},""" +
            """{"method":"GET","url":"/services/data/v62.0/sobjects/Lightspeed_Store__c/@{store.id}?fields=Name","referenceId":"readBack"}]}"""));
    }

    [Test]
    public void Write_26Subrequests_Refused()
    {
        var subrequests = Enumerable.Range(0, 26).Select(i => new CompositeSubrequest(HttpMethod.Get, "limits", $"r{i}")).ToList();

        Assert.Throws<ArgumentException>(() => CompositeRequestWriter.Write(subrequests, allOrNone: false, Root));
    }

    [Test]
    public void Write_SixQueriesOrCollections_RefusedFiveAccepted()
    {
        List<CompositeSubrequest> Of(int count, string url) =>
            Enumerable.Range(0, count).Select(i => new CompositeSubrequest(HttpMethod.Get, url, $"r{i}")).ToList();

        Assert.Throws<ArgumentException>(() => CompositeRequestWriter.Write(Of(6, "query?q=SELECT+Id+FROM+Account"), allOrNone: false, Root));
        Assert.Throws<ArgumentException>(() => CompositeRequestWriter.Write(Of(6, "composite/sobjects"), allOrNone: false, Root));
        Assert.That(CompositeRequestWriter.Write(Of(5, Root + "query?q=SELECT+Id+FROM+Account"), allOrNone: false, Root), Does.Contain("r4"));
        Assert.That(CompositeRequestWriter.Write(Of(20, "sobjects/Account/001000000000001AAA"), allOrNone: false, Root), Does.Contain("r19"));
    }

    [TestCase("query?q=SELECT+Id+FROM+Account", true)]
    [TestCase("queryAll?q=SELECT+Id+FROM+Account", true)]
    [TestCase("/services/data/v62.0/query/01gxx0000000001-2000", true)]
    [TestCase("/services/data/v62.0/query?q=SELECT+Id+FROM+Account", true)]
    [TestCase("composite/sobjects", true)]
    [TestCase("/services/data/v62.0/composite/sobjects/Contact/Email__c", true)]
    [TestCase("sobjects/Account/001000000000001AAA", false)]
    [TestCase("/services/data/v62.0/limits", false)]
    [TestCase("sobjects/Query__c", false)]
    public void IsQueryOrCollection_ByResource(string url, bool expected) =>
        Assert.That(CompositeRequestWriter.IsQueryOrCollection(url), Is.EqualTo(expected));

    [Test]
    public void Write_DuplicateReferenceId_Refused()
    {
        CompositeSubrequest[] subrequests = [new(HttpMethod.Get, "limits", "a"), new(HttpMethod.Get, "limits", "a")];

        Assert.Throws<ArgumentException>(() => CompositeRequestWriter.Write(subrequests, allOrNone: false, Root));
    }

    [Test]
    public void IsIdempotent_AnyPost_False()
    {
        Assert.That(CompositeRequestWriter.IsIdempotent([new(HttpMethod.Patch, "x", "a"), new(HttpMethod.Post, "y", "b")]), Is.False);
        Assert.That(CompositeRequestWriter.IsIdempotent([new(HttpMethod.Patch, "x", "a"), new(HttpMethod.Get, "y", "b")]), Is.True);
    }

    [Test]
    public void Parse_AllOrNoneFailure_SubresponsesWithStatusesAndErrors()
    {
        const string body = """
            {"compositeResponse":[
              {"body":[{"errorCode":"PROCESSING_HALTED","message":"The transaction was rolled back since another operation in the same transaction failed."}],
               "httpHeaders":{},"httpStatusCode":400,"referenceId":"store"},
              {"body":[{"message":"Required fields are missing: [Name]","errorCode":"REQUIRED_FIELD_MISSING","fields":["Name"]}],
               "httpHeaders":{},"httpStatusCode":400,"referenceId":"sale"},
              {"body":{"id":"a01xx0000000001AAA","success":true,"errors":[],"created":true},
               "httpHeaders":{"Location":"/services/data/v62.0/sobjects/Lightspeed_Sale__c/a01xx0000000001AAA"},"httpStatusCode":201,"referenceId":"ok"}]}
            """;

        var response = CompositeResponse.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(response.Subresponses.Select(s => s.ReferenceId), Is.EqualTo(new[] { "store", "sale", "ok" }));
            Assert.That(response["store"].IsSuccess, Is.False);
            Assert.That(response["store"].Errors.Single().ErrorCode, Is.EqualTo("PROCESSING_HALTED"));
            Assert.That(response["sale"].Errors.Single().Fields, Is.EqualTo(new[] { "Name" }));
            Assert.That(response["ok"].IsSuccess, Is.True);
            Assert.That(response["ok"].Errors, Is.Empty);
            Assert.That(response["ok"].Body.GetProperty("id").GetString(), Is.EqualTo("a01xx0000000001AAA"));
            Assert.That(response["ok"].HttpHeaders["location"], Does.EndWith("a01xx0000000001AAA"));
        });
        Assert.Throws<KeyNotFoundException>(() => _ = response["missing"]);
    }

    [Test]
    public void Parse_NotAComposite_ApiException()
    {
        Assert.Throws<SalesforceApiException>(() => CompositeResponse.Parse("""[{"errorCode":"X","message":"y"}]"""));
    }

    [Test]
    public void Reference_Default_IdField()
    {
        Assert.That(CompositeSubrequest.Reference("newStore"), Is.EqualTo("@{newStore.id}"));
        Assert.That(JsonSerializer.Serialize(CompositeSubrequest.Reference("q", "records[0].Id")), Does.Contain("@{q.records[0].Id}"));
    }
}
