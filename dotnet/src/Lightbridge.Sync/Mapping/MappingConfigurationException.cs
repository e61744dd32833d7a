namespace Lightbridge.Sync.Mapping;

/// <summary>
/// The mapping configuration or the shipped mapping file is unusable: thrown at start, before any record is read, so
/// the program exits with code 2 and a message naming the setting (DESIGN.md, "The command line").
/// </summary>
public sealed class MappingConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MappingConfigurationException()
        : this("Mapping", "The mapping configuration is invalid.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public MappingConfigurationException(string message)
        : this("Mapping", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public MappingConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Setting = "Mapping";
    }

    /// <summary>Creates the exception for <paramref name="setting"/>.</summary>
    /// <param name="setting">The setting at fault, e.g. <c>Mapping:Overrides:Contact:Description</c>.</param>
    /// <param name="message">What is wrong; it starts with the setting's name.</param>
    public MappingConfigurationException(string setting, string message)
        : base($"{setting}: {message}")
    {
        Setting = setting;
    }

    /// <summary>The setting at fault, e.g. <c>Mapping:Overrides:Contact:Description</c>, or a path in the mapping file.</summary>
    public string Setting { get; }
}
