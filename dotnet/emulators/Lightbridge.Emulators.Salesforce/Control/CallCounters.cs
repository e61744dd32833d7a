using System.Collections.Concurrent;

namespace Lightbridge.Emulators.Salesforce.Control;

/// <summary>Counts calls per kind (e.g. <c>query</c>, <c>sobject.upsert</c>, <c>collections.upsert</c>, <c>oauth.jwt-bearer</c>).</summary>
internal sealed class CallCounters
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Increment(string kind) => _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    public void Clear() => _counts.Clear();
}
