namespace Lightbridge.Salesforce;

/// <summary>What one API call did, for <see cref="SalesforceClientStatistics"/>. Token requests are counted apart.</summary>
public enum SalesforceApiCallKind
{
    /// <summary>A query or queryAll page, including each <c>nextRecordsUrl</c> page.</summary>
    Query,

    /// <summary>A GET of one sObject record.</summary>
    Get,

    /// <summary>A POST creating one sObject record.</summary>
    Create,

    /// <summary>A PATCH of one record by Id.</summary>
    Update,

    /// <summary>A DELETE of one record by Id.</summary>
    Delete,

    /// <summary>A PATCH upserting one record by external ID.</summary>
    Upsert,

    /// <summary>An sObject Collections upsert of up to 200 records.</summary>
    CollectionsUpsert,

    /// <summary>An sObject Collections delete of up to 200 records.</summary>
    CollectionsDelete,

    /// <summary>A Composite request.</summary>
    Composite,

    /// <summary>A read of <c>/limits</c>.</summary>
    Limits,

    /// <summary>A platform event published through REST.</summary>
    PublishEvent,

    /// <summary>A Bulk API 2.0 job created, closed or aborted.</summary>
    BulkJob,

    /// <summary>A Bulk API 2.0 CSV upload.</summary>
    BulkUpload,

    /// <summary>A Bulk API 2.0 job status poll.</summary>
    BulkPoll,

    /// <summary>A Bulk API 2.0 result file (successful, failed or unprocessed records).</summary>
    BulkResults,
}
