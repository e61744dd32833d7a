using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Lightbridge.Emulators.Salesforce.Ids;

namespace Lightbridge.Emulators.Salesforce.Rest;

/// <summary>
/// Open query locators. A query with more rows than one batch keeps its rendered rows here, and
/// <c>nextRecordsUrl</c> names <c>/query/01g…-{offset}</c> (reference section 2.6: the suffix grows by the batch size).
/// </summary>
internal sealed class QueryCursorStore
{
    /// <summary>Open cursors per user; opening another releases the oldest, whose locator then fails (INVALID_QUERY_LOCATOR).</summary>
    public const int MaxOpenCursors = 10;

    private readonly ConcurrentDictionary<string, IReadOnlyList<JsonObject>> _cursors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private long _sequence;

    public string Open(IReadOnlyList<JsonObject> records)
    {
        var id = SalesforceId.Create("01g", Interlocked.Increment(ref _sequence));
        _cursors[id] = records;
        _order.Enqueue(id);
        while (_order.Count > MaxOpenCursors && _order.TryDequeue(out var oldest))
        {
            _cursors.TryRemove(oldest, out _);
        }

        return id;
    }

    public IReadOnlyList<JsonObject>? Find(string id) => _cursors.GetValueOrDefault(id);

    public void Clear()
    {
        _cursors.Clear();
        _order.Clear();
    }
}
