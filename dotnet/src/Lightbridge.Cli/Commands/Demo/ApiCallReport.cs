namespace Lightbridge.Cli.Commands.Demo;

/// <summary>API calls on each side.</summary>
internal sealed record ApiCallReport(LightspeedCallReport Lightspeed, SalesforceCallReport Salesforce);
