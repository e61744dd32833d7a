using Lightbridge.Salesforce.Collections;

namespace Lightbridge.Salesforce.Tests.Collections;

public sealed class CollectionResultJoinerTests
{
    private const string Endpoint = "PATCH /services/data/v62.0/composite/sobjects/Contact/Lightspeed_Customer_Id__c";

    private static readonly IReadOnlyList<IReadOnlyDictionary<string, object?>> Records = Enumerable.Range(0, 5)
        .Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["Lightspeed_Customer_Id__c"] = $"1-{i}", ["LastName"] = $"N{i}" })
        .ToList();

    [Test]
    public void Join_MixedResults_JoinedByPositionWithIndexAndExternalId()
    {
        const string body = """
            [{"id":"003xx000004TmiQAAS","success":true,"errors":[],"created":true},
             {"success":false,"errors":[{"statusCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [LastName]","fields":["LastName"]}]},
             {"id":"003xx000004TmiRAAS","success":true,"errors":[],"created":false}]
            """;

        var results = CollectionResultJoiner.Join(Records, [2, 3, 4], "Lightspeed_Customer_Id__c", body, Endpoint);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Index), Is.EqualTo(new[] { 2, 3, 4 }));
            Assert.That(results.Select(r => r.ExternalId), Is.EqualTo(new[] { "1-2", "1-3", "1-4" }));
            Assert.That(results[0].Created, Is.True);
            Assert.That(results[0].Id, Is.EqualTo("003xx000004TmiQAAS"));
            Assert.That(results[1].Success, Is.False);
            Assert.That(results[1].Id, Is.Null);
            Assert.That(results[1].Created, Is.Null, "failed entries may omit created");
            Assert.That(results[1].Errors.Single().StatusCode, Is.EqualTo("REQUIRED_FIELD_MISSING"));
            Assert.That(results[1].Errors.Single().Fields, Is.EqualTo(new[] { "LastName" }));
            Assert.That(results[2].Created, Is.False);
        });
    }

    [Test]
    public void Join_FewerResultsThanRecords_ProtocolErrorNotAGuess()
    {
        const string body = """[{"id":"003xx000004TmiQAAS","success":true,"errors":[],"created":true}]""";

        var ex = Assert.Throws<SalesforceApiException>(() => CollectionResultJoiner.Join(Records, [0, 1], "Lightspeed_Customer_Id__c", body, Endpoint));

        Assert.That(ex!.Message, Does.Contain("Expected 2 results"));
    }

    [Test]
    public void Join_ErrorEnvelopeInsteadOfResults_ProtocolError()
    {
        const string body = """{"message":"odd"}""";

        Assert.Throws<SalesforceApiException>(() => CollectionResultJoiner.Join(Records, [0], "Lightspeed_Customer_Id__c", body, Endpoint));
    }

    [Test]
    public void Join_LockFailure_MarkedTransient()
    {
        const string body = """
            [{"success":false,"errors":[{"statusCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record or 1 records: 001xx","fields":[]}]},
             {"success":false,"errors":[{"statusCode":"DUPLICATE_VALUE","message":"Duplicate external id specified: 1-1","fields":["Lightspeed_Customer_Id__c"]}]}]
            """;

        var results = CollectionResultJoiner.Join(Records, [0, 1], "Lightspeed_Customer_Id__c", body, Endpoint);

        Assert.That(results[0].IsTransientFailure, Is.True);
        Assert.That(results[1].IsTransientFailure, Is.False);
    }
}
