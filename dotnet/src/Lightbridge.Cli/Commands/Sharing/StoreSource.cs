namespace Lightbridge.Cli.Commands.Sharing;

/// <summary>Where <c>sharing generate</c> reads the stores from (<c>--from</c>).</summary>
internal enum StoreSource
{
    /// <summary>The synced <c>Lightspeed_Store__c</c> records (the default): what the org actually holds.</summary>
    Salesforce,

    /// <summary>The shops of the Lightspeed account, before or without a sync.</summary>
    Lightspeed,
}
