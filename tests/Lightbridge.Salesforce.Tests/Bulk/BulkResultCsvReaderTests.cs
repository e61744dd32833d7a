using Lightbridge.Salesforce.Bulk;

namespace Lightbridge.Salesforce.Tests.Bulk;

public sealed class BulkResultCsvReaderTests
{
    [Test]
    public void Read_FailedResultsWithQuotedHeadersAndMultilineMessage_RowsByHeaderName()
    {
        const string csv = "\"sf__Id\",\"sf__Error\",Lightspeed_Customer_Id__c,LastName\n" +
                           "\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --\",\"1-7\",\"\"\n" +
                           "\"003xx000004TmiQAAS\",\"FIELD_CUSTOM_VALIDATION_EXCEPTION:Bad, \"\"very\"\" bad\nsecond line:--\",\"1-8\",\"Doe\"\n";

        var rows = BulkResultCsvReader.Read(csv);

        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(rows[0]["sf__Id"], Is.Empty);
            Assert.That(rows[0]["Lightspeed_Customer_Id__c"], Is.EqualTo("1-7"));
            Assert.That(rows[1]["sf__Id"], Is.EqualTo("003xx000004TmiQAAS"));
            Assert.That(rows[1]["sf__Error"], Is.EqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION:Bad, \"very\" bad\nsecond line:--"));
            Assert.That(rows[1]["LastName"], Is.EqualTo("Doe"));
        });
    }

    [Test]
    public void Read_ColumnsReordered_StillReadByName()
    {
        var rows = BulkResultCsvReader.Read("LastName,\"sf__Created\",Key__c,\"sf__Id\"\nDoe,true,1-1,003xx000004TmiQAAS\n");

        Assert.That(rows.Single()["Key__c"], Is.EqualTo("1-1"));
        Assert.That(rows.Single()["sf__Created"], Is.EqualTo("true"));
    }

    [Test]
    public void Read_HeaderOnly_NoRows()
    {
        Assert.That(BulkResultCsvReader.Read("\"sf__Id\",\"sf__Error\",Key__c\n"), Is.Empty);
        Assert.That(BulkResultCsvReader.Read(string.Empty), Is.Empty);
    }

    [Test]
    public void Read_CrLfAndNoFinalNewline_Tolerated()
    {
        var rows = BulkResultCsvReader.Read("a,b\r\n1,2\r\n3,4");

        Assert.That(rows.Select(r => r["b"]), Is.EqualTo(new[] { "2", "4" }));
    }

    [Test]
    public void Read_RowWithWrongCellCount_ProtocolError()
    {
        Assert.Throws<SalesforceApiException>(() => BulkResultCsvReader.Read("a,b\n1,2,3\n"));
    }

    [Test]
    public void Read_UnterminatedQuote_ProtocolError()
    {
        Assert.Throws<SalesforceApiException>(() => BulkResultCsvReader.Read("a\n\"open\n"));
    }

    [Test]
    public async Task ReadAsync_StreamInTinyPieces_SameRowsAsTheWholeText()
    {
        const string csv = "\"sf__Id\",\"sf__Error\",Key__c,Name\r\n" +
                           "\"\",\"CODE:a, \"\"quoted\"\"\r\nmessage:--\",\"1-7\",\"\"\r\n" +
                           "\n" +
                           "003xx000004TmiQAAS,\"X:y:Name --\",1-8,Müller ☕";
        var expected = BulkResultCsvReader.Read(csv);
        var rows = new List<IReadOnlyDictionary<string, string>>();

        await using var stream = new TrickleStream(System.Text.Encoding.UTF8.GetBytes(csv));
        await BulkResultCsvReader.ReadAsync(stream, ',', row => rows.Add(row.ToDictionary()), CancellationToken.None);

        Assert.That(expected, Has.Count.EqualTo(2));
        Assert.That(rows, Is.EqualTo(expected));
        Assert.That(rows[0]["sf__Error"], Is.EqualTo("CODE:a, \"quoted\"\r\nmessage:--"));
        Assert.That(rows[1]["Name"], Is.EqualTo("Müller ☕"));
    }

    [Test]
    public void ReadAsync_RowWithTooManyCells_ThrowsNamingTheRow()
    {
        using var stream = new MemoryStream("a,b\n1,2\n1,2,3\n"u8.ToArray());

        var ex = Assert.ThrowsAsync<SalesforceApiException>(() => BulkResultCsvReader.ReadAsync(stream, ',', _ => { }, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("row 2"));
    }

    /// <summary>Hands out at most three bytes per read, so records and multi-byte characters span reads.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(3, buffer.Length)], cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(3, count));
    }
}
