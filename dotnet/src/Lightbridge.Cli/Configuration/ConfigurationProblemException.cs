namespace Lightbridge.Cli.Configuration;

/// <summary>A missing or wrong setting: the verb stops with exit code 2 and a message that names it.</summary>
internal sealed class ConfigurationProblemException : Exception
{
    public ConfigurationProblemException(string setting, string problem, Exception? innerException = null)
        : base($"{setting}: {problem}", innerException)
    {
        Setting = setting;
    }

    /// <summary>Several problems at once, each line naming its own setting; <see cref="Setting"/> is the first.</summary>
    public ConfigurationProblemException(IReadOnlyList<string> problems)
        : base("the configuration has problems:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p)))
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        var first = problems[0];
        var end = first.IndexOfAny([' ', ':']);
        Setting = end > 0 ? first[..end] : first;
    }

    /// <summary>The setting or flag at fault, e.g. <c>State:Path</c> or <c>--config</c>.</summary>
    public string Setting { get; }
}
