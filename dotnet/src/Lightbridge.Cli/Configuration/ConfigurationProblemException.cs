namespace Lightbridge.Cli.Configuration;

/// <summary>A missing or wrong setting: the verb stops with exit code 2 and a message that names it.</summary>
internal sealed class ConfigurationProblemException : Exception
{
    public ConfigurationProblemException(string setting, string problem, Exception? innerException = null)
        : base($"{setting}: {problem}", innerException)
    {
        Setting = setting;
    }

    /// <summary>The setting or flag at fault, e.g. <c>State:Path</c> or <c>--config</c>.</summary>
    public string Setting { get; }
}
