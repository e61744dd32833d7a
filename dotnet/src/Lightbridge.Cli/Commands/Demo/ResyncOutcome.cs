namespace Lightbridge.Cli.Commands.Demo;

/// <summary>What the resync request asked for and what the worker did with it.</summary>
/// <param name="Scope">The request's <c>Scope__c</c>.</param>
/// <param name="ExternalId">The record it named (<c>Lightspeed_Id__c</c>), the one an admin deleted by mistake.</param>
/// <param name="SalesforceObject">The object the record was deleted from.</param>
/// <param name="JobStatus">How the worker's resync job ended (Done, Failed).</param>
/// <param name="JobError">Why the job failed; null when it did not.</param>
/// <param name="Read">Records the resync runs read from Lightspeed.</param>
/// <param name="Created">Records the resync runs created in Salesforce.</param>
/// <param name="Updated">Records the resync runs updated in Salesforce.</param>
/// <param name="Failed">Records the resync runs queued.</param>
/// <param name="LightspeedRequests">Lightspeed requests the resync runs made.</param>
/// <param name="SalesforceCalls">Salesforce API calls the resync runs made.</param>
/// <param name="Restored">Whether the deleted record is back in the org.</param>
/// <param name="PublishCalls">API calls the demo made to publish the event (not the worker's).</param>
/// <param name="Deleted">Records deleted with the one the admin deleted, per object (its lines and payments).</param>
internal sealed record ResyncOutcome(
    string Scope,
    string ExternalId,
    string SalesforceObject,
    string JobStatus,
    string? JobError,
    int Read,
    int Created,
    int Updated,
    int Failed,
    int LightspeedRequests,
    int SalesforceCalls,
    bool Restored,
    long PublishCalls,
    SortedDictionary<string, long> Deleted);
