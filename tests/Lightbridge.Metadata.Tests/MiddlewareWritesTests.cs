using Lightbridge.Metadata.Tests.Design;
using Lightbridge.Metadata.Tests.Model;

namespace Lightbridge.Metadata.Tests;

/// <summary>
/// Every field the middleware's mapping writes exists in the package and Lightspeed_Integration may
/// write it: a field permission with edit for ordinary fields, object create and edit for the rest.
/// </summary>
public sealed class MiddlewareWritesTests
{
    private static readonly Lazy<PackageModel> Package = new(() => PackageModel.Load(RepositoryRoot.ForceApp()));

    private static IEnumerable<TestCaseData> Writes =>
        MiddlewareWrites.Fields.SelectMany(o => o.Value.Select(f => new TestCaseData(o.Key, f).SetArgDisplayNames($"{o.Key}.{f}")));

    [TestCaseSource(nameof(Writes))]
    public void MappedField_ExistsInPackage(string obj, string field) =>
        Assert.That(Package.Value.Field(obj, field), Is.Not.Null, $"{obj}.{field} is written by the middleware but missing from force-app/");

    [TestCaseSource(nameof(Writes))]
    public void MappedField_IntegrationPermissionSetMayWriteIt(string obj, string field)
    {
        var permissionSet = Package.Value.OfKind(MetadataKinds.PermissionSet).Single(p => p.ComponentName == "Lightspeed_Integration");
        var ns = MetadataFile.Ns;
        var governing = StandardSchema.AccessObject(obj);
        var objectGrant = permissionSet.Elements("objectPermissions").SingleOrDefault(o => o.Element(ns + "object")?.Value == governing);
        Assert.That(objectGrant, Is.Not.Null, $"Lightspeed_Integration has no access to {governing}");
        foreach (var right in new[] { "allowRead", "allowCreate", "allowEdit" })
        {
            Assert.That(objectGrant!.Element(ns + right)?.Value, Is.EqualTo("true"), $"Lightspeed_Integration lacks {right} on {governing}");
        }

        var definition = Package.Value.Field(obj, field);
        if (definition is null || definition.CannotBeGranted || MiddlewareWrites.NotUnderFieldSecurity.Contains($"{obj}.{field}"))
        {
            return; // Object access is all there is: MappedField_ExistsInPackage covers a missing field.
        }

        var fieldGrant = permissionSet.Elements("fieldPermissions").SingleOrDefault(f => f.Element(ns + "field")?.Value == $"{obj}.{field}");
        Assert.That(fieldGrant?.Element(ns + "editable")?.Value, Is.EqualTo("true"), $"Lightspeed_Integration cannot edit {obj}.{field}");
    }
}
