namespace Lightbridge.Cli.Health;

/// <summary>The outcome of a readiness check; a problem is null when its system is fine.</summary>
internal sealed record ReadinessResult(bool LightspeedReady, string? LightspeedProblem, bool SalesforceReady, string? SalesforceProblem)
{
    /// <summary>Both systems answered.</summary>
    public bool Ready => LightspeedReady && SalesforceReady;
}
