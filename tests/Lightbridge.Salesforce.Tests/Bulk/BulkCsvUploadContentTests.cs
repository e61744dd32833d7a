using System.Globalization;
using Lightbridge.Salesforce.Bulk;

namespace Lightbridge.Salesforce.Tests.Bulk;

/// <summary>
/// The streamed upload body against the in-memory writer it replaced: for the same records and cap, the same parts
/// with the same bytes, header first, rows with quotes, delimiters, line breaks, nulls, references and typed values.
/// </summary>
public sealed class BulkCsvUploadContentTests
{
    private const string Key = "Lightspeed_Sale_Id__c";

    [TestCase(100_000_000)]
    [TestCase(4_000)]
    [TestCase(700)]
    public async Task WritePart_SameRecordsAndCap_SameBytesAsTheInMemoryWriter(int cap)
    {
        var records = SeededRecords(400, seed: 42);
        var expected = BulkCsvWriter.WriteParts(records, ',', cap).ToList();

        var written = await WriteAllAsync(BulkRecordSource.From(records), BulkCsvWriter.Columns(records), cap);

        Assert.That(written, Has.Count.EqualTo(expected.Count));
        for (var p = 0; p < expected.Count; p++)
        {
            Assert.That(written[p].Bytes, Is.EqualTo(expected[p].Content.ToArray()), $"part {p}");
            Assert.That(written[p].Part.FirstIndex, Is.EqualTo(expected[p].FirstIndex), $"part {p}");
            Assert.That(written[p].Part.Count, Is.EqualTo(expected[p].Count), $"part {p}");
            Assert.That(written[p].Part.Bytes, Is.EqualTo(expected[p].Content.Length), $"part {p}");
            Assert.That(written[p].Part.Keys, Is.EqualTo(records.Skip(expected[p].FirstIndex).Take(expected[p].Count).Select(r => (string)r[Key]!)));
        }
    }

    [Test]
    public async Task WritePart_StreamedRecordsWithExplicitColumns_SameBytesAsTheInMemoryWriter()
    {
        var records = SeededRecords(250, seed: 9);
        var columns = BulkCsvWriter.Columns(records);
        var expected = BulkCsvWriter.WriteParts(records, ',', 3_000).ToList();

        var parsed = columns.Select(c => BulkCsvColumn.Parse(c.Header)).ToList();
        var written = await WriteAllAsync(BulkRecordSource.From(ToAsync(records), CancellationToken.None), parsed, 3_000);

        Assert.That(
            parsed.Select(c => (c.Field, c.Header, c.Reference?.Field, c.Reference?.SObjectType)),
            Is.EqualTo(columns.Select(c => (c.Field, c.Header, c.Reference?.Field, c.Reference?.SObjectType))),
            "a header cell parses back to its column");
        Assert.That(written.Select(w => w.Bytes), Is.EqualTo(expected.Select(e => e.Content.ToArray())));
    }

    [Test]
    public async Task WritePart_SentTwiceFromAList_SecondSendStartsThePartOver()
    {
        var records = SeededRecords(60, seed: 3);
        await using var cursor = new BulkUploadCursor(BulkRecordSource.From(records), BulkCsvWriter.Columns(records), ',', Key, 1_500, 1_000);
        Assert.That(await cursor.HasMoreAsync(), Is.True);
        var part = cursor.BeginPart();

        var first = await new BulkCsvUploadContent(cursor, part).ReadAsByteArrayAsync();
        var second = await new BulkCsvUploadContent(cursor, part).ReadAsByteArrayAsync();

        Assert.That(second, Is.EqualTo(first));
        Assert.That(part.Keys, Has.Count.EqualTo(part.Count).And.Count.LessThan(60));
        Assert.That(await cursor.HasMoreAsync(), Is.True);
        Assert.That(cursor.BeginPart().FirstIndex, Is.EqualTo(part.Count), "the next part starts after the resent one");
    }

    [Test]
    public async Task WritePart_SentTwiceFromAStream_RefusedWithAClearError()
    {
        var records = SeededRecords(10, seed: 5);
        await using var cursor = new BulkUploadCursor(
            BulkRecordSource.From(ToAsync(records), CancellationToken.None), BulkCsvWriter.Columns(records), ',', Key, 100_000, 1_000);
        Assert.That(await cursor.HasMoreAsync(), Is.True);
        var part = cursor.BeginPart();
        await new BulkCsvUploadContent(cursor, part).ReadAsByteArrayAsync();

        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => new BulkCsvUploadContent(cursor, part).ReadAsByteArrayAsync());

        Assert.That(ex!.Message, Does.Contain("cannot be read twice"));
        Assert.That(part.Failure, Is.SameAs(ex));
    }

    [Test]
    public async Task WritePart_RecordsOverTheRecordCap_SplitAtTheCap()
    {
        var records = SeededRecords(25, seed: 8);

        var written = await WriteAllAsync(BulkRecordSource.From(records), BulkCsvWriter.Columns(records), 100_000_000, maxRecords: 10);

        Assert.That(written.Select(w => (w.Part.FirstIndex, w.Part.Count)), Is.EqualTo(new[] { (0, 10), (10, 10), (20, 5) }));
    }

    [Test]
    public async Task WritePart_FieldOutsideTheColumns_RefusedNamingTheRecordAndField()
    {
        var records = SeededRecords(5, seed: 1).Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(r)).ToList();
        ((Dictionary<string, object?>)records[3])["Ticket_Number__c"] = "7";
        var columns = BulkCsvWriter.Columns(records.Take(3).ToList());
        await using var cursor = new BulkUploadCursor(BulkRecordSource.From(records), columns, ',', Key, 100_000, 1_000);
        Assert.That(await cursor.HasMoreAsync(), Is.True);
        var part = cursor.BeginPart();

        var ex = Assert.ThrowsAsync<ArgumentException>(() => new BulkCsvUploadContent(cursor, part).ReadAsByteArrayAsync());

        Assert.That(ex!.Message, Does.Contain("Record 3").And.Contain("Ticket_Number__c"));
    }

    [Test]
    public void WritePart_RecordLargerThanTheCap_RefusedNamingTheRecord()
    {
        var records = new[] { Sale("K-1", "short"), Sale("K-2", new string('x', 2_000)) };
        var cursor = new BulkUploadCursor(BulkRecordSource.From(records), BulkCsvWriter.Columns(records), ',', Key, 1_000, 1_000);

        var ex = Assert.ThrowsAsync<ArgumentException>(async () => await WriteAllAsync(cursor));

        Assert.That(ex!.Message, Does.Contain("Record 1").And.Contain("more than one upload may hold"));
    }

    [TestCase("Store__r.Lightspeed_Shop_Id__c", "Store__r", "Lightspeed_Shop_Id__c", null)]
    [TestCase("Lead:Who.Email", "Who", "Email", "Lead")]
    [TestCase("Total__c", "Total__c", null, null)]
    public void ColumnParse_HeaderCell_FieldAndReference(string header, string field, string? parentField, string? type)
    {
        var column = BulkCsvColumn.Parse(header);

        Assert.Multiple(() =>
        {
            Assert.That(column.Field, Is.EqualTo(field));
            Assert.That(column.Header, Is.EqualTo(header));
            Assert.That(column.Reference?.Field, Is.EqualTo(parentField));
            Assert.That(column.Reference?.SObjectType, Is.EqualTo(type));
        });
    }

    [TestCase("Bad Name")]
    [TestCase("Store__r.")]
    [TestCase(":Who.Email")]
    public void ColumnParse_NotAnApiName_Refused(string header) =>
        Assert.Throws<ArgumentException>(() => BulkCsvColumn.Parse(header));

    internal static async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> ToAsync(IEnumerable<IReadOnlyDictionary<string, object?>> records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }

    private static async Task<List<(BulkUploadPart Part, byte[] Bytes)>> WriteAllAsync(
        BulkRecordSource source, IReadOnlyList<BulkCsvColumn> columns, int cap, int maxRecords = 100_000)
    {
        await using var cursor = new BulkUploadCursor(source, columns, ',', Key, cap, maxRecords);
        return await WriteAllAsync(cursor);
    }

    private static async Task<List<(BulkUploadPart Part, byte[] Bytes)>> WriteAllAsync(BulkUploadCursor cursor)
    {
        var parts = new List<(BulkUploadPart, byte[])>();
        while (await cursor.HasMoreAsync())
        {
            var part = cursor.BeginPart();
            using var stream = new MemoryStream();
            await new BulkCsvUploadContent(cursor, part).CopyToAsync(stream);
            parts.Add((part, stream.ToArray()));
        }

        return parts;
    }

    private static IReadOnlyDictionary<string, object?> Sale(string key, string register) =>
        new Dictionary<string, object?> { [Key] = key, ["Register__c"] = register };

    /// <summary>Sales whose values need every CSV rule: quotes, commas, line breaks, nulls, references, non-ASCII text.</summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, object?>> SeededRecords(int count, int seed)
    {
        var random = new Random(seed);
        string[] texts = ["plain", "with, comma", "with \"quotes\"", "two\nlines", "crlf\r\nline", "Müller ☕", "", "=cmd|' /C calc'!A0"];
        var records = new List<IReadOnlyDictionary<string, object?>>(count);
        for (var i = 0; i < count; i++)
        {
            var record = new Dictionary<string, object?> { [Key] = string.Create(CultureInfo.InvariantCulture, $"S-{i:D5}") };
            if (random.Next(4) > 0)
            {
                record["Register__c"] = texts[random.Next(texts.Length)];
            }

            record["Total__c"] = random.Next(3) == 0 ? null : random.Next(100_000) / 100m;
            record["Is_Refund__c"] = random.Next(2) == 0;
            record["Sale_Time__c"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(500_000));
            if (random.Next(5) > 0)
            {
                record["Store__r"] = new ExternalIdReference("Lightspeed_Shop_Id__c", "1-" + random.Next(10).ToString(CultureInfo.InvariantCulture));
            }

            records.Add(record);
        }

        return records;
    }
}
