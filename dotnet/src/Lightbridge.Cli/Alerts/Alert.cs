namespace Lightbridge.Cli.Alerts;

/// <summary>One alert: the condition, the entity it concerns (or null), a sentence for people, the value and the threshold.</summary>
internal sealed record Alert(AlertCondition Condition, string? Entity, string Summary, double Value, double Threshold, DateTimeOffset At)
{
    /// <summary>The cool-down key: one alert per condition and entity.</summary>
    public string Key => Entity is null ? Condition.ToString() : $"{Condition}:{Entity}";
}
