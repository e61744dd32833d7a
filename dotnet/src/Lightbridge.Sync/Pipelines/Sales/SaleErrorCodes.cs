namespace Lightbridge.Sync.Pipelines.Sales;

/// <summary>The replay-queue codes the sale pipeline gives, besides validation rules and Salesforce status codes.</summary>
internal static class SaleErrorCodes
{
    /// <summary>
    /// The sale's customer has not been written to Salesforce yet (its customer run failed or has not run): the sale
    /// is held in the queue rather than written without its customer, and the next run retries it.
    /// </summary>
    public const string CustomerNotLinked = nameof(CustomerNotLinked);

    /// <summary>The sale could not be normalized (an id too long for an external id, a bad value).</summary>
    public const string NormalizationFailed = "NormalizationFailed";

    /// <summary>A configured mapping template failed on the sale or one of its lines or payments.</summary>
    public const string MappingFailed = "MappingFailed";
}
