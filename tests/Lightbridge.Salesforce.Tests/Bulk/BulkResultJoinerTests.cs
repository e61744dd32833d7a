using Lightbridge.Salesforce.Bulk;

namespace Lightbridge.Salesforce.Tests.Bulk;

public sealed class BulkResultJoinerTests
{
    private static readonly string[] Keys = ["1-0", "1-1", "1-2", "1-3", "1-4"];

    [Test]
    public void Join_ShuffledRows_JoinedByKeyWithInputPositions()
    {
        IReadOnlyDictionary<string, string>[] successful =
        [
            Row(("sf__Created", "false"), ("sf__Id", "003xx0000000003AAA"), ("Key__c", "1-3")),
            Row(("sf__Created", "true"), ("sf__Id", "003xx0000000000AAA"), ("Key__c", "1-0")),
        ];
        IReadOnlyDictionary<string, string>[] failed =
        [
            Row(("sf__Id", string.Empty), ("sf__Error", "REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --"), ("Key__c", "1-2")),
        ];
        IReadOnlyDictionary<string, string>[] unprocessed = [Row(("Key__c", "1-4"))];

        var results = BulkResultJoiner.Join(Keys, 100, "Key__c", successful, failed, unprocessed);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Index), Is.EqualTo(new[] { 100, 101, 102, 103, 104 }));
            Assert.That(results.Select(r => r.ExternalId), Is.EqualTo(Keys));
            Assert.That(results[0].Success && results[0].Created == true && results[0].Id == "003xx0000000000AAA", Is.True);
            Assert.That(results[3].Success && results[3].Created == false, Is.True);
            Assert.That(results[2].Errors.Single().StatusCode, Is.EqualTo("REQUIRED_FIELD_MISSING"));
            Assert.That(results[2].Id, Is.Null);
            Assert.That(results[4].Errors.Single().StatusCode, Is.EqualTo(BulkResultJoiner.UnprocessedCode));
            Assert.That(results[1].Success, Is.False);
            Assert.That(results[1].Errors.Single().StatusCode, Is.EqualTo(BulkResultJoiner.NoResultCode), "a record with no row is a failure, not dropped");
        });
    }

    [Test]
    public void Join_DuplicateKeys_EachRowGoesToTheNextRecordWithThatKey()
    {
        string[] keys = ["dup", "dup"];
        IReadOnlyDictionary<string, string>[] failed =
        [
            Row(("sf__Error", "DUPLICATE_VALUE:Duplicate external id specified: dup:Key__c --"), ("Key__c", "dup")),
            Row(("sf__Error", "DUPLICATE_VALUE:Duplicate external id specified: dup:Key__c --"), ("Key__c", "dup")),
        ];

        var results = BulkResultJoiner.Join(keys, 0, "Key__c", [], failed, []);

        Assert.That(results.Select(r => r.Errors.Single().StatusCode), Is.All.EqualTo("DUPLICATE_VALUE"));
        Assert.That(results[0].Errors.Single().Fields, Is.EqualTo(new[] { "Key__c" }));
    }

    [Test]
    public void Place_FileReadAgainAfterAnInterruptedRead_EachRecordPlacedOnce()
    {
        string[] keys = ["dup", "dup", "solo"];
        var joiner = new BulkResultJoiner(keys, 0, "Key__c");
        var rows = new[] { Row(("sf__Created", "true"), ("sf__Id", "001xx0000000001AAA"), ("Key__c", "dup")), Row(("sf__Created", "true"), ("sf__Id", "001xx0000000002AAA"), ("Key__c", "solo")) };

        joiner.Begin(BulkResultFile.Successful);
        joiner.Place(BulkResultFile.Successful, c => rows[0].GetValueOrDefault(c));
        joiner.Begin(BulkResultFile.Successful); // the retry starts the file over
        foreach (var row in rows)
        {
            joiner.Place(BulkResultFile.Successful, c => row.GetValueOrDefault(c));
        }

        var results = joiner.Results();
        Assert.Multiple(() =>
        {
            Assert.That(joiner.Count(BulkResultFile.Successful), Is.EqualTo(2));
            Assert.That(results.Select(r => r.Success), Is.EqualTo(new[] { true, false, true }));
            Assert.That(results[1].Errors.Single().StatusCode, Is.EqualTo(BulkResultJoiner.NoResultCode), "the second record under the key got no row");
        });
    }

    [TestCase(0, 2)]
    [TestCase(1, 3)]
    [TestCase(2, 4.5)]
    [TestCase(20, 30)]
    public void Delay_Attempt_GrowsByHalfUpToTheCap(int attempt, double seconds)
    {
        Assert.That(BulkPollBackoff.Delay(attempt, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase(0, 0, 2)]
    [TestCase(0, 10_000, 2)]
    [TestCase(0, 10_001, 4)]
    [TestCase(0, 30_000, 6)]
    [TestCase(1, 30_000, 9)]
    [TestCase(0, 200_000, 30)]
    public void Delay_JobSize_FirstWaitGrowsWithTheRecordsUpToTheCap(int attempt, int records, double seconds)
    {
        Assert.That(BulkPollBackoff.Delay(attempt, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), records), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [Test]
    public void SucceedUnplaced_AfterTheFailedFile_EveryOtherRecordWrittenWithoutId()
    {
        var joiner = new BulkResultJoiner(["k1", "k2", "k3"], 10, "Ext__c");
        joiner.Begin(BulkResultFile.Failed);
        joiner.Place(BulkResultFile.Failed, c => c switch { "Ext__c" => "k2", "sf__Error" => "REQUIRED_FIELD_MISSING:Name:--", _ => null });

        Assert.That(joiner.Unplaced, Is.EqualTo(2));
        joiner.SucceedUnplaced();

        var results = joiner.Results();
        Assert.Multiple(() =>
        {
            Assert.That(joiner.Unplaced, Is.Zero);
            Assert.That(results.Select(r => (r.Index, r.Success)), Is.EqualTo(new[] { (10, true), (11, false), (12, true) }));
            Assert.That(results.Where(r => r.Success).Select(r => (r.Id, r.Created)), Is.All.EqualTo(((string?)null, (bool?)null)));
            Assert.That(results[1].Errors.Single().StatusCode, Is.EqualTo("REQUIRED_FIELD_MISSING"));
        });
    }

    private static Dictionary<string, string> Row(params (string Column, string Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => c.Value);
}
