using System.Reflection;
using Lightbridge.Core.Mapping;

namespace Lightbridge.Core.Tests.Mapping;

/// <summary>Every custom API name the default mappings use exists in the package (STYLE G16).</summary>
public sealed class SalesforceSchemaTests
{
    [Test]
    public void CustomFields_EveryName_ExistsInForceApp()
    {
        var objects = FindObjectsFolder();
        var missing = new List<string>();
        foreach (var type in typeof(SalesforceSchema).GetNestedTypes())
        {
            var objectName = (string)type.GetField("ObjectName")!.GetValue(null)!;
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.Name != "ObjectName"))
            {
                var apiName = (string)field.GetValue(null)!;
                // Lead shares Contact's custom external id; Contact and Lead fields are declared per object.
                if (apiName.EndsWith("__c", StringComparison.Ordinal)
                    && !File.Exists(Path.Combine(objects, objectName, "fields", apiName + ".field-meta.xml")))
                {
                    missing.Add($"{objectName}.{apiName}");
                }
            }
        }

        Assert.That(missing, Is.Empty);
        Assert.That(File.Exists(Path.Combine(objects, "Lead", "fields", SalesforceSchema.Contact.LightspeedCustomerId + ".field-meta.xml")), Is.True);
    }

    [Test]
    public void DefaultMappings_EveryCustomTarget_ExistsInForceApp()
    {
        var objects = FindObjectsFolder();
        var targets = new (string Object, IEnumerable<string> Fields)[]
        {
            (DefaultMappings.Store.ObjectName, DefaultMappings.Store.TargetFields),
            (DefaultMappings.Product.ObjectName, DefaultMappings.Product.TargetFields),
            (DefaultMappings.Inventory.ObjectName, DefaultMappings.Inventory.TargetFields),
            (DefaultMappings.Contact.ObjectName, DefaultMappings.Contact.TargetFields.Append(DefaultMappings.Contact.ExternalIdField)),
            (DefaultMappings.Lead.ObjectName, DefaultMappings.Lead.TargetFields.Append(DefaultMappings.Lead.ExternalIdField)),
            (DefaultMappings.Sale.ObjectName, DefaultMappings.Sale.TargetFields),
            (DefaultMappings.SaleLine.ObjectName, DefaultMappings.SaleLine.TargetFields),
            (DefaultMappings.Payment.ObjectName, DefaultMappings.Payment.TargetFields),
        };

        var missing = targets
            .SelectMany(t => t.Fields.Where(f => f.EndsWith("__c", StringComparison.Ordinal)).Select(f => (t.Object, Field: f)))
            .Where(t => !File.Exists(Path.Combine(objects, t.Object, "fields", t.Field + ".field-meta.xml")))
            .Select(t => $"{t.Object}.{t.Field}")
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    private static string FindObjectsFolder()
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location)!);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "force-app", "main", "default", "objects");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        throw new DirectoryNotFoundException("force-app/main/default/objects not found above the test output.");
    }
}
