using Lightbridge.Core.Normalization;
using Lightbridge.Lightspeed;
using Lightbridge.Sync.Sources;
using Lightbridge.XSeries;

namespace Lightbridge.Cli.Configuration;

/// <summary>One Lightspeed account of the deployment, of either series, read and checked.</summary>
/// <param name="Path">Its configuration section (<c>Lightspeed</c>, or <c>Lightspeed:Accounts:N</c>).</param>
/// <param name="Series">R-Series or X-Series.</param>
/// <param name="RSeries">The R-Series client options; null for X-Series.</param>
/// <param name="XSeries">The X-Series client options; null for R-Series.</param>
/// <param name="RefreshToken">Seeds its token store the first time only (both series rotate on use).</param>
/// <param name="TokenKey">Where its tokens live in the state file: the first account keeps the single-account key.</param>
/// <param name="AccountId">The account id (R-Series digits, X-Series domain prefix) that scopes external ids.</param>
internal sealed record AccountSettings(
    string Path, SourceSeries Series, LightspeedClientOptions? RSeries, XSeriesClientOptions? XSeries, string RefreshToken, string TokenKey, string AccountId)
{
    /// <summary>The account as the engine sees it; set once the shared <c>Sync</c> settings are read.</summary>
    public AccountContext Account { get; private init; } = null!;

    /// <summary>This account with its context.</summary>
    public AccountSettings With(AccountContext account) => this with { Account = account };

    /// <inheritdoc />
    public override string ToString() => $"AccountSettings {{ Path = {Path}, Series = {Series}, AccountId = {AccountId} }}";
}
