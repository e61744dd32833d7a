using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Pipelines.Customers;
using Microsoft.Extensions.Configuration;

namespace Lightbridge.Cli.Configuration;

/// <summary>
/// Reads and checks every section a syncing verb needs, and reports ALL problems at once, each naming its
/// setting (STYLE G9), so an operator fixes the file in one pass instead of one error per start.
/// </summary>
internal static class SettingsReader
{
    public static SyncSettings ReadSyncSettings(IConfiguration configuration)
    {
        var problems = new List<string>();
        var lightspeed = Bind<LightspeedClientOptions>(configuration, LightspeedClientOptions.SectionName, problems, o => o.Validate(), defaults: null);
        var refreshToken = configuration[$"{LightspeedClientOptions.SectionName}:RefreshToken"];
        if (string.IsNullOrWhiteSpace(refreshToken))
        {
            problems.Add("Lightspeed:RefreshToken is required: it seeds the token store the first time the worker runs.");
        }

        var salesforce = Bind<SalesforceClientOptions>(configuration, SalesforceClientOptions.SectionName, problems, o => o.Validate(), defaults: null);
        if (salesforce is { Auth: SalesforceAuthFlow.JwtBearer, PrivateKeyPath: { Length: > 0 } keyPath })
        {
            // Read at start, not at the first token request: a key that cannot be used is a configuration problem (exit 2).
            CheckPrivateKey(keyPath, problems);
        }

        var sync = Bind(configuration, SyncOptions.SectionName, problems, o => o.Validate(), defaults: () => new SyncOptions()) ?? new SyncOptions();
        var mapping = Bind(configuration, MappingOptions.SectionName, problems, _ => { }, defaults: () => new MappingOptions()) ?? new MappingOptions();

        var currencyText = configuration["Sync:CurrencyCode"] ?? "USD";
        if (!CurrencyCode.TryParse(currencyText, out var currency))
        {
            problems.Add($"Sync:CurrencyCode: '{currencyText}' is not a three-letter ISO 4217 code.");
        }

        var matching = Bind(configuration, MatchingOptions.SectionName, problems, o => o.Validate(), defaults: () => new MatchingOptions()) ?? new MatchingOptions();
        var region = matching.DefaultRegion;

        StateSettingsOrProblem(configuration, problems, out var state);
        if (problems.Count > 0 || lightspeed is null || salesforce is null || state is null)
        {
            throw new ConfigurationProblemException(problems);
        }

        var account = new AccountContext(new LightspeedId(lightspeed.AccountId), currency!, new Dictionary<LightspeedId, CurrencyCode>(), region.ToUpperInvariant());
        return new SyncSettings(lightspeed, refreshToken!, salesforce, sync, mapping, state, account, matching);
    }

    private static void CheckPrivateKey(string path, List<string> problems)
    {
        try
        {
            using var rsa = System.Security.Cryptography.RSA.Create();
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"Salesforce:PrivateKeyPath: cannot read '{path}' ({ex.GetType().Name}: {ex.Message}).");
        }
        catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            // Never echo the file's content: it is a private key.
            problems.Add($"Salesforce:PrivateKeyPath: '{path}' holds no RSA private key in PEM form ({ex.GetType().Name}).");
        }
    }

    /// <summary>Binds one section; an absent section takes its <paramref name="defaults"/>, or is a problem when it has none.</summary>
    private static T? Bind<T>(IConfiguration configuration, string section, List<string> problems, Action<T> validate, Func<T>? defaults)
        where T : class
    {
        try
        {
            var options = configuration.GetSection(section).Get<T>(o => o.ErrorOnUnknownConfiguration = false);
            if (options is null)
            {
                if (defaults is null)
                {
                    problems.Add($"{section}: the section is missing.");
                    return null;
                }

                options = defaults();
            }

            validate(options);
            return options;
        }
        catch (ArgumentException ex)
        {
            problems.Add(ex.Message);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key it could not convert ("Failed to convert configuration value at 'Sync:BulkThreshold'...").
            problems.Add(ex.Message);
            return null;
        }
    }

    private static void StateSettingsOrProblem(IConfiguration configuration, List<string> problems, out Lightbridge.State.StateOptions? state)
    {
        try
        {
            state = StateSettings.Read(configuration);
        }
        catch (ConfigurationProblemException ex)
        {
            problems.Add(ex.Message);
            state = null;
        }
    }
}
