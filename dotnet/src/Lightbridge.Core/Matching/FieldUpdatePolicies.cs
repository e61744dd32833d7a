namespace Lightbridge.Core.Matching;

/// <summary>The update policy per target field, with a default for fields not listed.</summary>
/// <param name="Default">The policy of fields not in <paramref name="PerField"/>.</param>
/// <param name="PerField">Policies by field API name.</param>
public sealed record FieldUpdatePolicies(FieldUpdatePolicy Default, IReadOnlyDictionary<string, FieldUpdatePolicy> PerField)
{
    /// <summary>
    /// The default for Contacts and Leads: fields a rep may curate are only filled when blank, and the fields that
    /// belong to the integration (the <c>Lightspeed_</c> ones, with the external id stamped on a match) are overwritten.
    /// </summary>
    public static FieldUpdatePolicies CustomerDefaults { get; } = new(
        FieldUpdatePolicy.FillIfBlank,
        new Dictionary<string, FieldUpdatePolicy>(StringComparer.Ordinal)
        {
            ["Lightspeed_Customer_Id__c"] = FieldUpdatePolicy.Overwrite,
        });

    /// <summary>Every field overwritten: the records belong to the integration (stores, products, sales).</summary>
    public static FieldUpdatePolicies OverwriteAll { get; } =
        new(FieldUpdatePolicy.Overwrite, new Dictionary<string, FieldUpdatePolicy>(StringComparer.Ordinal));

    /// <summary>The policy of <paramref name="field"/>.</summary>
    public FieldUpdatePolicy For(string field) => PerField.TryGetValue(field, out var policy) ? policy : Default;
}
