using System.Text;
using Lightbridge.Salesforce.Bulk;

namespace Lightbridge.Salesforce.Tests.Bulk;

public sealed class BulkCsvWriterTests
{
    [Test]
    public void WriteParts_TypicalRecords_HeaderThenRowsWithLfAndNoBom()
    {
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records =
        [
            new Dictionary<string, object?>
            {
                ["Lightspeed_Sale_Id__c"] = "1-100",
                ["Store__r"] = new ExternalIdReference("Lightspeed_Shop_Id__c", "1-1"),
                ["Sale_Time__c"] = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)),
                ["Total__c"] = 10.50m,
                ["Is_Refund__c"] = false,
                ["Contact__r"] = null,
            },
        ];

        var part = BulkCsvWriter.WriteParts(records).Single();
        var bytes = part.Content.ToArray();

        Assert.That(bytes.AsSpan(0, 3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), Is.False, "no BOM");
        Assert.That(Encoding.UTF8.GetString(bytes), Is.EqualTo(
            "Lightspeed_Sale_Id__c,Store__r.Lightspeed_Shop_Id__c,Sale_Time__c,Total__c,Is_Refund__c,Contact__r\n" +
            "1-100,1-1,2024-05-01T10:00:00.000Z,10.50,false,#N/A\n"));
    }

    [Test]
    public void WriteParts_ValuesNeedingQuotes_QuotedWithDoubledQuotes()
    {
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records =
        [
            new Dictionary<string, object?> { ["Name"] = "Smith, \"J\"\nline two", ["Note__c"] = " spaced " },
        ];

        var csv = Encoding.UTF8.GetString(BulkCsvWriter.WriteParts(records).Single().Content.Span);

        Assert.That(csv, Is.EqualTo("Name,Note__c\n\"Smith, \"\"J\"\"\nline two\", spaced \n"));
    }

    [Test]
    public void WriteParts_RecordsWithDifferentFields_UnionOfColumnsAndEmptyCellsForMissing()
    {
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records =
        [
            new Dictionary<string, object?> { ["Key__c"] = "a", ["Phone"] = "+441234" },
            new Dictionary<string, object?> { ["Key__c"] = "b", ["Email"] = "b@example.com" },
        ];

        var csv = Encoding.UTF8.GetString(BulkCsvWriter.WriteParts(records).Single().Content.Span);

        Assert.That(csv, Is.EqualTo("Key__c,Phone,Email\na,+441234,\nb,,b@example.com\n"));
    }

    [Test]
    public void WriteParts_PolymorphicReference_TypedHeader()
    {
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records =
        [
            new Dictionary<string, object?> { ["Who"] = new ExternalIdReference("Email", "a@example.com") { SObjectType = "Lead" } },
        ];

        var csv = Encoding.UTF8.GetString(BulkCsvWriter.WriteParts(records).Single().Content.Span);

        Assert.That(csv, Is.EqualTo("Lead:Who.Email\na@example.com\n"));
    }

    [Test]
    public void WriteParts_OverTheByteCap_SplitIntoPartsEachWithHeaderAndPositions()
    {
        var records = Enumerable.Range(0, 10)
            .Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["Key__c"] = $"k{i}" })
            .ToList();

        // Header "Key__c\n" is 7 bytes and each row "kN\n" 3 bytes: a 16-byte cap holds three rows per part.
        var parts = BulkCsvWriter.WriteParts(records, maxPartBytes: 16).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(parts.Select(p => p.Count), Is.EqualTo(new[] { 3, 3, 3, 1 }));
            Assert.That(parts.Select(p => p.FirstIndex), Is.EqualTo(new[] { 0, 3, 6, 9 }));
            Assert.That(parts.All(p => p.Content.Length <= 16), Is.True);
            Assert.That(parts.All(p => Encoding.UTF8.GetString(p.Content.Span).StartsWith("Key__c\n", StringComparison.Ordinal)), Is.True);
            Assert.That(Encoding.UTF8.GetString(parts[3].Content.Span), Is.EqualTo("Key__c\nk9\n"));
        });
    }

    [Test]
    public void WriteParts_RecordLargerThanAPart_Refused()
    {
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records = [new Dictionary<string, object?> { ["Key__c"] = new string('x', 100) }];

        Assert.Throws<ArgumentException>(() => BulkCsvWriter.WriteParts(records, maxPartBytes: 50).ToList());
    }

    [Test]
    [SetCulture("fr-FR")]
    public void Cell_NumbersAndDates_InvariantForms()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BulkCsvWriter.Cell(1234.5m, "F"), Is.EqualTo("1234.5"));
            Assert.That(BulkCsvWriter.Cell(0.1, "F"), Is.EqualTo("0.1"));
            Assert.That(BulkCsvWriter.Cell(new DateOnly(2024, 12, 31), "F"), Is.EqualTo("2024-12-31"));
            Assert.That(BulkCsvWriter.Cell(true, "F"), Is.EqualTo("true"));
        });
    }

    // The line is written as UTF-8 straight into the buffer; each cell must read as its text form, quoted as text would be.
    [TestCase(',')]
    [TestCase('\t')]
    [TestCase(';')]
    [SetCulture("fr-FR")]
    public void WriteLine_EveryCellType_BytesAreTheQuotedTextFormsJoined(char delimiter)
    {
        var values = new object?[]
        {
            null, "plain", "Smith, \"J\"", "a\tb;c", "line\r\nbreak", "\"\"", "=cmd|' /C calc'!A0", "Zoë ☕ 𝄞", string.Empty,
            1234.5m, -0.001m, 10.50m, true, false, 42, 7L, (short)3, 0.1, 1.5f, new DateOnly(2024, 12, 31),
            new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)), new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc),
            new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), new ExternalIdReference("Lightspeed_Shop_Id__c", "1-1"),
        };
        var record = new Dictionary<string, object?>();
        var columns = new List<BulkCsvColumn>();
        for (var i = 0; i < values.Length; i++)
        {
            record["F" + i + "__c"] = values[i];
            columns.Add(BulkCsvColumn.For("F" + i + "__c", values[i]));
        }

        columns.Insert(3, BulkCsvColumn.For("Missing__c", null));
        var expected = string.Join(delimiter, columns.Select(c =>
            record.TryGetValue(c.Field, out var value) ? BulkCsvWriter.Quote(BulkCsvWriter.Cell(value, c.Field), delimiter) : string.Empty)) + "\n";
        var buffer = new byte[4];

        var length = BulkCsvWriter.WriteLine(record, columns, delimiter, ref buffer);

        Assert.That(Encoding.UTF8.GetString(buffer, 0, length), Is.EqualTo(expected));
    }

    [Test]
    public void WriteLine_LoneSurrogate_RefusedRatherThanMangled()
    {
        var record = new Dictionary<string, object?> { ["Name"] = "bad \ud800 text" };
        var buffer = new byte[64];

        Assert.Throws<EncoderFallbackException>(() => BulkCsvWriter.WriteLine(record, [BulkCsvColumn.For("Name", null)], ',', ref buffer));
    }

    [Test]
    public void WriteLine_UnsupportedValue_RefusedNamingTheField()
    {
        var record = new Dictionary<string, object?> { ["Blob__c"] = new byte[] { 1 } };
        var buffer = new byte[64];

        var ex = Assert.Throws<ArgumentException>(() => BulkCsvWriter.WriteLine(record, [BulkCsvColumn.For("Blob__c", null)], ',', ref buffer));

        Assert.That(ex!.Message, Does.Contain("Blob__c"));
    }
}
