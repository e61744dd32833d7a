using Lightbridge.State;

namespace Lightbridge.Sync.Reporting;

/// <summary>A finished run of the local run log as a <c>Lightspeed_Sync_Run__c</c> record.</summary>
internal static class SyncRunRecord
{
    public const string ObjectName = "Lightspeed_Sync_Run__c";

    public const string KeyField = "Run_Id__c";

    public static IReadOnlyDictionary<string, object?> Fields(RunRecord run) => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        [KeyField] = run.RunId,
        ["Trigger__c"] = run.Trigger.ToString(),
        ["Entity__c"] = run.Entity,
        ["Started_At__c"] = run.StartedAt,
        ["Finished_At__c"] = run.FinishedAt,
        ["Status__c"] = run.Status.ToString(),
        ["Records_Read__c"] = run.Counts.Read,
        ["Records_Created__c"] = run.Counts.Created,
        ["Records_Updated__c"] = run.Counts.Updated,
        ["Records_Failed__c"] = run.Counts.Failed,
        ["Api_Calls__c"] = run.Counts.LightspeedRequests + run.Counts.SalesforceCalls,
    };
}
