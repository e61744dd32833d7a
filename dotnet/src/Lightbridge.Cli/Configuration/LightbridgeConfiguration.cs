using Microsoft.Extensions.Configuration;

namespace Lightbridge.Cli.Configuration;

/// <summary>
/// Where settings come from, in increasing precedence (DESIGN.md, "The command line"): <c>appsettings.json</c>
/// beside the binary; <c>lightbridge.json</c> in the working directory, or the file given with
/// <c>--config</c>; environment variables prefixed <c>LIGHTBRIDGE_</c> with <c>__</c> between sections
/// (<c>LIGHTBRIDGE_State__Path</c>).
/// </summary>
internal static class LightbridgeConfiguration
{
    /// <summary>The prefix of the environment variables Lightbridge reads.</summary>
    public const string EnvironmentPrefix = "LIGHTBRIDGE_";

    /// <summary>The file read from the working directory when <c>--config</c> is not given.</summary>
    public const string WorkingDirectoryFile = "lightbridge.json";

    /// <summary>Builds the configuration; a <c>--config</c> file that does not exist or does not parse is a <see cref="ConfigurationProblemException"/>.</summary>
    public static IConfigurationRoot Build(string? configFile)
    {
        if (configFile is not null && !File.Exists(configFile))
        {
            throw new ConfigurationProblemException("--config", $"the file '{configFile}' does not exist.");
        }

        var file = configFile is null ? Path.Combine(Directory.GetCurrentDirectory(), WorkingDirectoryFile) : Path.GetFullPath(configFile);
        try
        {
            return new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
                .AddJsonFile(file, optional: configFile is null, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .Build();
        }
        catch (InvalidDataException ex)
        {
            // The JSON provider reports a malformed file this way; name the file, not its content (it may hold secrets).
            throw new ConfigurationProblemException(configFile is null ? WorkingDirectoryFile : "--config", $"'{file}' is not valid JSON ({ex.InnerException?.GetType().Name ?? "parse error"}).", ex);
        }
    }
}
