using Lightbridge.Salesforce.Bulk;

namespace Lightbridge.Salesforce.Tests.Bulk;

public sealed class BulkJobInfoTests
{
    [Test]
    public void Parse_FailedJob_StateCountsAndMessage()
    {
        const string json = """
            {"id":"750R0000000zlh9IAA","operation":"upsert","object":"Contact","createdById":"005R0000000GiwjIAC",
             "createdDate":"2022-01-02T21:33:43.000+0000","systemModstamp":"2022-01-02T21:33:43.000+0000","state":"Failed",
             "externalIdFieldName":"Lightspeed_Customer_Id__c","concurrencyMode":"Parallel","contentType":"CSV","apiVersion":62.0,
             "jobType":"V2Ingest","lineEnding":"LF","columnDelimiter":"COMMA","numberRecordsProcessed":0,"numberRecordsFailed":0,
             "retries":0,"totalProcessingTime":0,"apiActiveProcessingTime":0,"apexProcessingTime":0,
             "errorMessage":"InvalidBatch : Field name not found : Name"}
            """;

        var info = BulkJobInfo.Parse(json);

        Assert.That(info, Is.EqualTo(new BulkJobInfo("750R0000000zlh9IAA", BulkJobState.Failed, 0, 0, "InvalidBatch : Field name not found : Name")));
    }

    [Test]
    public void Parse_CompleteWithRecordFailures_StillJobComplete()
    {
        var info = BulkJobInfo.Parse("""{"id":"750x","state":"JobComplete","numberRecordsProcessed":10000,"numberRecordsFailed":12}""");

        Assert.That(info.State, Is.EqualTo(BulkJobState.JobComplete));
        Assert.That(info.RecordsFailed, Is.EqualTo(12));
    }

    [Test]
    public void Parse_UnknownState_ProtocolError()
    {
        Assert.Throws<SalesforceApiException>(() => BulkJobInfo.Parse("""{"id":"750x","state":"Pending"}"""));
    }

    [TestCase(BulkOperation.HardDelete, "hardDelete")]
    [TestCase(BulkOperation.Upsert, "upsert")]
    public void ToWire_Operation_ApiSpelling(BulkOperation operation, string wire)
    {
        Assert.That(operation.ToWire(), Is.EqualTo(wire));
    }

    [Test]
    public void ToWire_DelimiterAndLineEnding_ApiSpelling()
    {
        Assert.That(BulkColumnDelimiter.Backquote.ToWire(), Is.EqualTo("BACKQUOTE"));
        Assert.That(BulkColumnDelimiter.Tab.ToChar(), Is.EqualTo('\t'));
        Assert.That(BulkLineEnding.Crlf.ToWire(), Is.EqualTo("CRLF"));
    }
}
