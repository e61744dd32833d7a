namespace Lightbridge.Sync.Sources;

/// <summary>The Lightspeed Retail product line an account runs on (<c>Lightspeed:Series</c>).</summary>
public enum SourceSeries
{
    /// <summary>R-Series (API V3): reads filter and sort on <c>timeStamp</c>; there are no data webhooks.</summary>
    R = 0,

    /// <summary>X-Series (formerly Vend, API 2.0): reads follow the <c>version</c> cursor; webhooks announce changes.</summary>
    X,
}
