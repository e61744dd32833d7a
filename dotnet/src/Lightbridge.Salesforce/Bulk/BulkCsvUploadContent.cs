using System.Net;
using System.Net.Http.Headers;

namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// The body of one Bulk upload, written into the request stream as it is sent (chunked: its length is known only
/// once the last record that fits is written), so a job's CSV is never held whole in memory.
/// </summary>
internal sealed class BulkCsvUploadContent : HttpContent
{
    private readonly BulkUploadCursor _cursor;
    private readonly BulkUploadPart _part;

    public BulkCsvUploadContent(BulkUploadCursor cursor, BulkUploadPart part)
    {
        _cursor = cursor;
        _part = part;
        // UTF-8 without BOM (§1.3); the charset is the header's business, never the bytes'.
        Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        try
        {
            await _cursor.WritePartAsync(_part, stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not IOException and not OperationCanceledException and not HttpRequestException)
        {
            // Not the connection's fault: the caller's record or record stream failed. Kept so the workflow can
            // rethrow it as it was, instead of the HTTP stack's wrapper.
            _part.Failure = ex;
            throw;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
