namespace Lightbridge.Emulators.Salesforce.Bulk;

/// <summary>Ingest operations; the wire names are the lower-camel-case forms (<c>insert</c>, <c>hardDelete</c>).</summary>
internal enum BulkOperation
{
    Insert,
    Update,
    Upsert,
    Delete,
    HardDelete,
}
