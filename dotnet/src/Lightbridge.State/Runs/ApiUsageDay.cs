namespace Lightbridge.State;

/// <summary>API calls made on one UTC day.</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="LightspeedRequests">Requests made to the Lightspeed API.</param>
/// <param name="SalesforceCalls">Calls made to the Salesforce API.</param>
public sealed record ApiUsageDay(DateOnly Day, long LightspeedRequests, long SalesforceCalls);
