namespace Lightbridge.Salesforce;

/// <summary>What an upsert by external ID did (shared/reference/salesforce-api.md §2.3).</summary>
public enum UpsertOutcome
{
    /// <summary>201: no record had the key, so one was created.</summary>
    Created,

    /// <summary>200 (204 before API 46.0): the one record with the key was updated.</summary>
    Updated,

    /// <summary>300: several records share the key; nothing was written.</summary>
    MultipleMatches,

    /// <summary>404: no such record (with <c>updateOnly</c>) or no such object, field or resource.</summary>
    NotFound,

    /// <summary>Another 4xx for this record (a validation rule, a bad field value, an unknown parent key).</summary>
    Failed,
}
