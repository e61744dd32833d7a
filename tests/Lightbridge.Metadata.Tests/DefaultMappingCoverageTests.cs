using Lightbridge.Core.Mapping;
using Lightbridge.Metadata.Tests.Design;

namespace Lightbridge.Metadata.Tests;

/// <summary>
/// Ties the package checks to the real mapping: every field Core's default mappings write (external ids,
/// values and lookups) is in <see cref="MiddlewareWrites"/>, whose tests prove it exists in the package and
/// that Lightspeed_Integration may write it. A field added to a mapping and not to the package fails here.
/// </summary>
public sealed class DefaultMappingCoverageTests
{
    private static IEnumerable<TestCaseData> MappedFields()
    {
        var mappings = new (string Object, string ExternalId, IEnumerable<string> Fields)[]
        {
            (DefaultMappings.Store.ObjectName, DefaultMappings.Store.ExternalIdField, DefaultMappings.Store.TargetFields),
            (DefaultMappings.Product.ObjectName, DefaultMappings.Product.ExternalIdField, DefaultMappings.Product.TargetFields),
            (DefaultMappings.Inventory.ObjectName, DefaultMappings.Inventory.ExternalIdField, DefaultMappings.Inventory.TargetFields),
            (DefaultMappings.Contact.ObjectName, DefaultMappings.Contact.ExternalIdField, DefaultMappings.Contact.TargetFields),
            (DefaultMappings.Lead.ObjectName, DefaultMappings.Lead.ExternalIdField, DefaultMappings.Lead.TargetFields),
            (DefaultMappings.Sale.ObjectName, DefaultMappings.Sale.ExternalIdField, DefaultMappings.Sale.TargetFields),
            (DefaultMappings.SaleLine.ObjectName, DefaultMappings.SaleLine.ExternalIdField, DefaultMappings.SaleLine.TargetFields),
            (DefaultMappings.Payment.ObjectName, DefaultMappings.Payment.ExternalIdField, DefaultMappings.Payment.TargetFields),
        };

        return mappings.SelectMany(m => m.Fields.Prepend(m.ExternalId).Distinct(StringComparer.Ordinal)
            .Select(f => new TestCaseData(m.Object, f).SetArgDisplayNames($"{m.Object}.{f}")));
    }

    [TestCaseSource(nameof(MappedFields))]
    public void DefaultMapping_WritesField_ListedAmongTheMiddlewareWrites(string sObject, string field)
    {
        Assert.That(MiddlewareWrites.Fields.ContainsKey(sObject), Is.True, $"{sObject} is not among the objects the package grants the integration user");
        Assert.That(MiddlewareWrites.Fields[sObject], Does.Contain(field), $"{sObject}.{field} is written by the default mapping");
    }
}
