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

    /// <summary>The suffix of a setting that names a file holding the value (<c>ClientSecret_FILE</c>).</summary>
    public const string SecretFileSuffix = "_FILE";

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
        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder()
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

        return WithSecretFiles(root);
    }

    /// <summary>
    /// Any setting may be given as a file to read instead of a value: <c>Salesforce:ClientSecret_FILE</c> (or
    /// <c>LIGHTBRIDGE_Salesforce__ClientSecret_FILE</c>) names a file whose content, without its trailing line break,
    /// becomes <c>Salesforce:ClientSecret</c>. Secrets then live in files only the service account reads (a systemd
    /// credential, a mounted secret), never in the settings file or the environment. A file that cannot be read stops the
    /// verb naming the setting.
    /// </summary>
    private static IConfigurationRoot WithSecretFiles(IConfigurationRoot root)
    {
        var fromFiles = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (key, path) in root.AsEnumerable())
        {
            if (!key.EndsWith(SecretFileSuffix, StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(path))
            {
                continue;
            }

            try
            {
                fromFiles[key[..^SecretFileSuffix.Length]] = File.ReadAllText(path).TrimEnd('\r', '\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                problems.Add($"{key}: cannot read '{path}' ({ex.GetType().Name}: {ex.Message}).");
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationProblemException(problems);
        }

        if (fromFiles.Count == 0)
        {
            return root;
        }

        return new ConfigurationBuilder().AddConfiguration(root).AddInMemoryCollection(fromFiles).Build();
    }
}
