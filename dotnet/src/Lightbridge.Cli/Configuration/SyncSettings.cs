using Lightbridge.Core.Normalization;
using Lightbridge.Lightspeed;
using Lightbridge.Salesforce;
using Lightbridge.State;
using Lightbridge.Sync.Mapping;
using Lightbridge.Sync.Pipelines;
using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Cli.Configuration;

/// <summary>Everything a syncing verb needs, read and checked.</summary>
internal sealed record SyncSettings(
    LightspeedClientOptions Lightspeed,
    string LightspeedRefreshToken,
    SalesforceClientOptions Salesforce,
    SyncOptions Sync,
    MappingOptions Mapping,
    StateOptions State,
    AccountContext Account,
    MatchingOptions Matching);
