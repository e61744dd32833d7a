namespace Lightbridge.Salesforce;

/// <summary>A Bulk API 2.0 ingest operation (shared/reference/salesforce-api.md §1.2); wire names via <c>BulkWireNames</c>.</summary>
public enum BulkOperation
{
    /// <summary><c>insert</c>.</summary>
    Insert,

    /// <summary><c>update</c> (by Id).</summary>
    Update,

    /// <summary><c>upsert</c> by an external ID field, which must be a CSV column.</summary>
    Upsert,

    /// <summary><c>delete</c> (to the recycle bin).</summary>
    Delete,

    /// <summary><c>hardDelete</c>.</summary>
    HardDelete,
}
