using Lightbridge.Emulators.Salesforce.Ids;

namespace Lightbridge.Emulators.Salesforce.Bulk;

/// <summary>Ingest jobs by id (prefix 750) and the daily count of 10,000-record batches (reference section 1.7).</summary>
internal sealed class BulkJobStore
{
    private readonly Dictionary<string, BulkJob> _jobs = new(StringComparer.Ordinal);
    private long _sequence;
    private DateOnly _batchDay;

    public IEnumerable<BulkJob> Jobs => _jobs.Values;

    public int BatchesUsed { get; private set; }

    public string NextId() => SalesforceId.Create("750", ++_sequence);

    public void Add(BulkJob job) => _jobs[job.Id] = job;

    public BulkJob? Find(string id) => SalesforceId.TryNormalize(id, out var full) ? _jobs.GetValueOrDefault(full) : null;

    public bool Remove(string id) => _jobs.Remove(id);

    /// <summary>Counts <paramref name="batches"/> against the daily allocation; false when they do not fit.</summary>
    public bool TryUseBatches(int batches, int limit, DateOnly today)
    {
        if (today != _batchDay)
        {
            _batchDay = today;
            BatchesUsed = 0;
        }

        if (BatchesUsed + batches > limit)
        {
            return false;
        }

        BatchesUsed += batches;
        return true;
    }

    public void Clear()
    {
        _jobs.Clear();
        BatchesUsed = 0;
    }
}
