namespace Lightbridge.State;

/// <summary>The record and API-call counts of one run.</summary>
/// <param name="Read">Records read from Lightspeed.</param>
/// <param name="Created">Salesforce records created.</param>
/// <param name="Updated">Salesforce records updated.</param>
/// <param name="Failed">Records that failed and were queued.</param>
/// <param name="LightspeedRequests">Requests made to the Lightspeed API.</param>
/// <param name="SalesforceCalls">Calls made to the Salesforce API.</param>
public sealed record RunCounts(int Read, int Created, int Updated, int Failed, int LightspeedRequests, int SalesforceCalls)
{
    /// <summary>All zero.</summary>
    public static RunCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);
}
