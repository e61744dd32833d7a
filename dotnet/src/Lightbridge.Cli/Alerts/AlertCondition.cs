namespace Lightbridge.Cli.Alerts;

/// <summary>What an alert is about; one alert per condition (and entity) per cool-down.</summary>
internal enum AlertCondition
{
    /// <summary>A run stopped with an error.</summary>
    RunFailed,

    /// <summary>The share of a run's records that failed passed <c>Alerts:ErrorRateThreshold</c>.</summary>
    ErrorRate,

    /// <summary>The replay queue passed <c>Alerts:QueueDepthThreshold</c>.</summary>
    QueueDepth,

    /// <summary>An entity's checkpoint fell more than <c>Alerts:LagThresholdSeconds</c> behind.</summary>
    Lag,

    /// <summary>Salesforce API usage today passed <c>Alerts:ApiUsageThreshold</c> of the allocation.</summary>
    ApiUsage,
}
