using Lightbridge.Core.Normalization;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Cli.Configuration;

/// <summary>Everything a syncing verb needs, read and checked.</summary>
/// <param name="Accounts">Every Lightspeed account of the deployment, in configuration order (at least one).</param>
/// <param name="Salesforce">The Salesforce client options.</param>
/// <param name="Sync">The <c>Sync</c> options.</param>
/// <param name="Mapping">The <c>Mapping</c> options.</param>
/// <param name="State">Where the state file is.</param>
/// <param name="Matching">The <c>Matching</c> options.</param>
internal sealed record SyncSettings(
    IReadOnlyList<AccountSettings> Accounts,
    SalesforceClientOptions Salesforce,
    SyncOptions Sync,
    MappingOptions Mapping,
    StateOptions State,
    MatchingOptions Matching)
{
    /// <summary>The first (or only) account: what the single-account verbs and the demo read.</summary>
    public AccountContext Account => Accounts[0].Account;

    /// <summary>The first account's R-Series client options; null when it is an X-Series account.</summary>
    public LightspeedClientOptions? Lightspeed => Accounts[0].RSeries;

    /// <summary>The first account's configured refresh token (it seeds the token store once).</summary>
    public string LightspeedRefreshToken => Accounts[0].RefreshToken;

    /// <summary>
    /// Why a verb that reads one R-Series account in this version (the demo, <c>match-report</c>, <c>reconcile</c>,
    /// <c>sharing generate --from lightspeed</c>) cannot run on this deployment, naming the setting; null when it can.
    /// </summary>
    public string? RSeriesOnlyProblem(string verb) =>
        Accounts.Count > 1 ? $"Lightspeed:Accounts: {verb} reads one account in this version; this deployment has {Accounts.Count}."
        : Lightspeed is null ? $"Lightspeed:Series: {verb} reads R-Series accounts only in this version; this account is X-Series."
        : null;

    /// <summary>The R-Series options of the only account, for a verb that reads one R-Series account.</summary>
    /// <exception cref="ConfigurationProblemException">The deployment has several accounts, or an X-Series one.</exception>
    public LightspeedClientOptions RSeriesOnly(string verb) =>
        RSeriesOnlyProblem(verb) is { } problem ? throw new ConfigurationProblemException([problem]) : Lightspeed!;
}
