using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Pipelines.Customers;
using Lightbridge.Sync.Sources;
using Lightbridge.State;
using Lightbridge.XSeries;
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
        var sources = ReadAccounts(configuration, problems);

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
        if (problems.Count > 0 || sources.Count == 0 || salesforce is null || state is null)
        {
            throw new ConfigurationProblemException(problems);
        }

        var accounts = sources.Select(a => a.With(new AccountContext(
            new LightspeedId(a.AccountId), currency!, new Dictionary<LightspeedId, CurrencyCode>(), region.ToUpperInvariant()))).ToList();
        return new SyncSettings(accounts, salesforce, sync, mapping, state, matching);
    }

    /// <summary>
    /// The Lightspeed accounts: the <c>Lightspeed</c> section itself for one account, or each child of
    /// <c>Lightspeed:Accounts</c> when a deployment serves several (of either series). Problems name the full key.
    /// </summary>
    private static List<AccountSettings> ReadAccounts(IConfiguration configuration, List<string> problems)
    {
        var children = configuration.GetSection($"{LightspeedClientOptions.SectionName}:Accounts").GetChildren().ToList();
        var paths = children.Count == 0
            ? [LightspeedClientOptions.SectionName]
            : children.Select(c => c.Path).ToList();
        var accounts = new List<AccountSettings>();
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            var local = new List<string>();
            var account = ReadAccount(configuration, path, i == 0 ? TokenStore.DefaultKey : null, local);
            problems.AddRange(path == LightspeedClientOptions.SectionName
                ? local
                : local.Select(p => p.Replace($"{LightspeedClientOptions.SectionName}:", path + ":", StringComparison.Ordinal)));
            if (account is null)
            {
                continue;
            }

            if (accounts.Any(a => a.AccountId == account.AccountId))
            {
                problems.Add($"{path}: the account '{account.AccountId}' is configured twice.");
                continue;
            }

            accounts.Add(account);
        }

        return accounts;
    }

    private static AccountSettings? ReadAccount(IConfiguration configuration, string path, string? tokenKey, List<string> problems)
    {
        var series = ReadSeries(configuration, path, problems);
        LightspeedClientOptions? rseries = null;
        XSeriesClientOptions? xseries = null;
        if (series == SourceSeries.X)
        {
            xseries = Bind<XSeriesClientOptions>(configuration, path, problems, o => ThrowIfAny(o.Validate()), defaults: null);
        }
        else
        {
            rseries = Bind<LightspeedClientOptions>(configuration, path, problems, o => o.Validate(), defaults: null);
        }

        var refreshToken = configuration[$"{path}:RefreshToken"];
        if (string.IsNullOrWhiteSpace(refreshToken))
        {
            problems.Add("Lightspeed:RefreshToken is required: it seeds the token store the first time the worker runs.");
        }

        if (problems.Count > 0 || (rseries is null && xseries is null))
        {
            return null;
        }

        var accountId = rseries?.AccountId ?? xseries!.DomainPrefix;
        return new AccountSettings(path, series, rseries, xseries, refreshToken!, tokenKey ?? $"{TokenStore.DefaultKey}:{accountId}", accountId);
    }

    /// <summary><c>Lightspeed:Series</c>: <c>R</c> (the default) or <c>X</c>.</summary>
    private static SourceSeries ReadSeries(IConfiguration configuration, string path, List<string> problems)
    {
        var text = configuration[$"{path}:Series"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return SourceSeries.R;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "R" or "R-SERIES" or "RSERIES":
                return SourceSeries.R;
            case "X" or "X-SERIES" or "XSERIES":
                return SourceSeries.X;
            default:
                problems.Add($"Lightspeed:Series: '{text}' is not R or X (R-Series or X-Series).");
                return SourceSeries.R;
        }
    }

    private static void ThrowIfAny(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }
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
