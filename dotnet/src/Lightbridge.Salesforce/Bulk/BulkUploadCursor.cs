using System.Text;
using Lightbridge.Salesforce.Collections;

namespace Lightbridge.Salesforce.Bulk;

/// <summary>
/// Walks the caller's records once, writing them as CSV parts straight into upload streams: each record is
/// formatted into a reused buffer, and written only if it still fits the part (bytes under the upload cap, records
/// under the per-job cap); otherwise it waits as the first record of the next part. Memory is one record's line
/// plus a write buffer (the line is written as UTF-8 straight into its reused buffer), whatever the size of the load. Also checks each record against the columns and takes its
/// key for the join.
/// </summary>
internal sealed class BulkUploadCursor : IAsyncDisposable
{
    private const int WriteBufferBytes = 64 * 1024;

    private readonly BulkRecordSource _source;
    private readonly IReadOnlyList<BulkCsvColumn> _columns;
    private readonly Dictionary<string, List<BulkCsvColumn>> _columnsByField;
    private readonly char _delimiter;
    private readonly string _keyColumn;
    private readonly long _maxPartBytes;
    private readonly int _maxPartRecords;
    private readonly byte[] _header;
    private readonly byte[] _out = new byte[WriteBufferBytes];
    private byte[] _pending = new byte[1024];
    private int _pendingLength;
    private string _pendingKey = string.Empty;
    private int _pendingIndex;
    private bool _hasPending;
    private int _nextIndex;

    public BulkUploadCursor(
        BulkRecordSource source, IReadOnlyList<BulkCsvColumn> columns, char delimiter, string keyColumn, long maxPartBytes, int maxPartRecords)
    {
        _source = source;
        _columns = columns;
        _delimiter = delimiter;
        _keyColumn = keyColumn;
        _maxPartBytes = maxPartBytes;
        _maxPartRecords = maxPartRecords;
        _header = BulkCsvWriter.Utf8NoBom.GetBytes(BulkCsvWriter.HeaderLine(columns, delimiter));
        _columnsByField = columns.GroupBy(c => c.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>Whether a record is left to upload (reading it ahead, so that no job is created for nothing).</summary>
    public async ValueTask<bool> HasMoreAsync() => _hasPending || await PullAsync().ConfigureAwait(false);

    /// <summary>Starts the part that the next record opens.</summary>
    public BulkUploadPart BeginPart() => new(_pendingIndex);

    /// <summary>
    /// Writes the part into <paramref name="stream"/>: the header, then records while they fit. Called again for
    /// a resend, it starts the part over when the records can be read again and refuses otherwise.
    /// </summary>
    public async Task WritePartAsync(BulkUploadPart part, Stream stream, CancellationToken ct)
    {
        if (part.Started)
        {
            if (!_source.CanRewind)
            {
                throw new InvalidOperationException(
                    $"The upload of the records from position {part.FirstIndex} must be sent again, but they were streamed and cannot be read twice.");
            }

            _source.Rewind(part.FirstIndex);
            _nextIndex = part.FirstIndex;
            _hasPending = false;
            part.Keys.Clear();
        }

        part.Started = true;
        var buffered = 0;
        Array.Copy(_header, _out, _header.Length);
        buffered = _header.Length;
        long bytes = _header.Length;
        while (_hasPending || await PullAsync().ConfigureAwait(false))
        {
            if (part.Count >= _maxPartRecords || bytes + _pendingLength > _maxPartBytes)
            {
                if (part.Count == 0)
                {
                    throw new ArgumentException($"Record {_pendingIndex} takes {_pendingLength} bytes of CSV, more than one upload may hold.");
                }

                break;
            }

            if (buffered + _pendingLength > _out.Length)
            {
                await stream.WriteAsync(_out.AsMemory(0, buffered), ct).ConfigureAwait(false);
                buffered = 0;
            }

            if (_pendingLength > _out.Length)
            {
                await stream.WriteAsync(_pending.AsMemory(0, _pendingLength), ct).ConfigureAwait(false);
            }
            else
            {
                Array.Copy(_pending, 0, _out, buffered, _pendingLength);
                buffered += _pendingLength;
            }

            bytes += _pendingLength;
            part.Keys.Add(_pendingKey);
            _hasPending = false;
        }

        if (buffered > 0)
        {
            await stream.WriteAsync(_out.AsMemory(0, buffered), ct).ConfigureAwait(false);
        }

        part.Bytes = bytes;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private async ValueTask<bool> PullAsync()
    {
        if (!await _source.MoveNextAsync().ConfigureAwait(false))
        {
            return false;
        }

        var index = _nextIndex++;
        var record = _source.Current;
        _pendingKey = CollectionUpsertRequestWriter.ExternalIdOf(record, _keyColumn, index);
        CheckFields(record, index);
        try
        {
            _pendingLength = BulkCsvWriter.WriteLine(record, _columns, _delimiter, ref _pending);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException($"Record {index} holds text that is not valid Unicode (a lone surrogate).", ex);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Record {index}: {ex.Message}", ex);
        }

        _pendingIndex = index;
        _hasPending = true;
        return true;
    }

    /// <summary>A field outside the columns would be dropped without a word: refuse the record instead.</summary>
    private void CheckFields(IReadOnlyDictionary<string, object?> record, int index)
    {
        foreach (var (field, value) in record)
        {
            if (!_columnsByField.TryGetValue(field, out var candidates) || !candidates.Exists(c => c.Matches(value)))
            {
                throw new ArgumentException(
                    $"Record {index} holds field {field}{(value is ExternalIdReference reference ? " (by " + reference.Field + ")" : string.Empty)}, which is not one of the load's columns.");
            }
        }
    }
}
