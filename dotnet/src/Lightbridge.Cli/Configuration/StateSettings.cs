using Lightbridge.State;
using Microsoft.Extensions.Configuration;

namespace Lightbridge.Cli.Configuration;

/// <summary>Reads and checks the <c>State</c> section: the LiteDB file and its optional password.</summary>
internal static class StateSettings
{
    /// <summary>The options for <see cref="StateStore.Open"/>, with the path made absolute against the working directory.</summary>
    public static StateOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(StateOptions.SectionName);
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ConfigurationProblemException("State:Path", "is required: the LiteDB file that holds checkpoints, the replay queue and the identity index.");
        }

        var password = section["Password"];
        return new StateOptions { Path = Path.GetFullPath(path), Password = string.IsNullOrEmpty(password) ? null : password };
    }

    /// <summary>Opens the state store, turning its refusals into problems that name the setting.</summary>
    public static StateStore Open(StateOptions options, TimeProvider time)
    {
        try
        {
            return StateStore.Open(options, time);
        }
        catch (StateLockedException ex)
        {
            var holder = ex.HolderProcessId is { } pid ? $" (process {pid})" : string.Empty;
            throw new ConfigurationProblemException("State:Path", $"'{ex.Path}' is in use by another Lightbridge process{holder}; one state file serves one worker.", ex);
        }
        catch (StateCorruptException ex)
        {
            throw new ConfigurationProblemException("State:Path", ex.Message, ex);
        }
        catch (StatePasswordException ex)
        {
            throw new ConfigurationProblemException("State:Password", ex.Message, ex);
        }
    }
}
