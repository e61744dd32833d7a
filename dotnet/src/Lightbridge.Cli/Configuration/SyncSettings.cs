using Lightbridge.Core.Normalization;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Pipelines.Customers;
using Lightbridge.Sync.Sources;
using Lightbridge.XSeries;

namespace Lightbridge.Cli.Configuration;

/// <summary>Everything a syncing verb needs, read and checked.</summary>
/// <param name="Lightspeed">The R-Series client options; null for an X-Series account (see <see cref="XSeries"/>).</param>
/// <param name="LightspeedRefreshToken">Seeds the token store the first time (either series rotates it on use).</param>
/// <param name="Salesforce">The Salesforce client options.</param>
/// <param name="Sync">The <c>Sync</c> options.</param>
/// <param name="Mapping">The <c>Mapping</c> options.</param>
/// <param name="State">Where the state file is.</param>
/// <param name="Account">The account: its id scopes external ids and checkpoints.</param>
/// <param name="Matching">The <c>Matching</c> options.</param>
internal sealed record SyncSettings(
    LightspeedClientOptions? Lightspeed,
    string LightspeedRefreshToken,
    SalesforceClientOptions Salesforce,
    SyncOptions Sync,
    MappingOptions Mapping,
    StateOptions State,
    AccountContext Account,
    MatchingOptions Matching)
{
    /// <summary>The account's series (<c>Lightspeed:Series</c>).</summary>
    public SourceSeries Series { get; init; } = SourceSeries.R;

    /// <summary>The X-Series client options; null for an R-Series account.</summary>
    public XSeriesClientOptions? XSeries { get; init; }

    /// <summary>
    /// Every Lightspeed account of the deployment, in configuration order; the single-account properties above are
    /// the first one's.
    /// </summary>
    public IReadOnlyList<AccountSettings> Accounts { get; init; } = [];

    /// <summary>
    /// The R-Series options, for what only R-Series has in this version (the demo, <c>match-report</c>,
    /// <c>reconcile</c>, <c>sharing generate --from lightspeed</c>); an X-Series account stops the verb at start.
    /// </summary>
    /// <exception cref="ConfigurationProblemException">The account is an X-Series one.</exception>
    public LightspeedClientOptions RSeriesOnly(string verb)
    {
        if (Accounts.Count > 1)
        {
            throw new ConfigurationProblemException([$"Lightspeed:Accounts: {verb} reads one account in this version; this deployment has {Accounts.Count}."]);
        }

        return Lightspeed ?? throw new ConfigurationProblemException([$"Lightspeed:Series: {verb} reads R-Series accounts only in this version; this account is X-Series."]);
    }
}
