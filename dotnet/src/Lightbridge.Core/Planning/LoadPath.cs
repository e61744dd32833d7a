namespace Lightbridge.Core.Planning;

/// <summary>The Salesforce API a batch is loaded through.</summary>
public enum LoadPath
{
    /// <summary>sObject Collections upsert: 200 records per call, synchronous (shared/reference/salesforce-api.md §2.4).</summary>
    Collections = 0,

    /// <summary>Bulk API 2.0 ingest: one job per object and operation, asynchronous (shared/reference/salesforce-api.md §1).</summary>
    Bulk,
}
