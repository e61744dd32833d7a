using Lightbridge.Core.Mapping;
using Lightbridge.Salesforce;

namespace Lightbridge.Sync.Pipelines;

/// <summary>
/// The field maps of a list of mapped records, made when read and not kept: what a Bulk load takes. A Bulk load reads
/// each record a few times (checks, columns, upload, a resend), and making the map again each time costs less than
/// holding one for every record of a 10,000-sale batch until the job is done (docs/performance.md, memory).
/// </summary>
internal sealed class FieldMapView(IReadOnlyList<SalesforceRecord> records) : IReadOnlyList<IReadOnlyDictionary<string, object?>>
{
    public int Count => records.Count;

    public IReadOnlyDictionary<string, object?> this[int index] => records[index].ToFields();

    public IEnumerator<IReadOnlyDictionary<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < records.Count; i++)
        {
            yield return records[i].ToFields();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
