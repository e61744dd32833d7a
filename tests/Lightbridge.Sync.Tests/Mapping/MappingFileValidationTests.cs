using System.Text;
using Lightbridge.Sync.Mapping;

namespace Lightbridge.Sync.Tests.Mapping;

/// <summary>A mapping file with a mistake stops compilation with the path of the mistake.</summary>
public sealed class MappingFileValidationTests
{
    private static MappingCompiler CompilerFor(string storeFields, string storeSource = "shop") =>
        new(MappingDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Document(storeFields, storeSource))), "test-mapping.json"));

    // The shipped CustomObjects profile with the store object's fields replaced.
    private static string Document(string storeFields, string storeSource)
    {
        using var stream = typeof(MappingCompiler).Assembly.GetManifestResourceStream(MappingDocumentReader.ResourceName)!;
        var root = System.Text.Json.Nodes.JsonNode.Parse(stream)!;
        var store = root["profiles"]!["CustomObjects"]!["Lightspeed_Store__c"]!;
        store["fields"] = System.Text.Json.Nodes.JsonNode.Parse(storeFields);
        store["source"] = storeSource;
        return root.ToJsonString();
    }

    [Test]
    public void Compile_FileWithUnknownTargetField_ThrowsNamingIt()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => CompilerFor("""{ "Name": "shop.name", "Region__c": "shop.time_zone" }""").Compile(new MappingOptions()));

        Assert.That(e!.Setting, Is.EqualTo("test-mapping.json:profiles:CustomObjects:Lightspeed_Store__c:fields:Region__c"));
        Assert.That(e.Message, Does.Contain("unknown field Region__c on Lightspeed_Store__c"));
    }

    [Test]
    public void Compile_FileWithUnknownSourcePath_ThrowsListingTheKnownPaths()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => CompilerFor("""{ "Name": "shop.title" }""").Compile(new MappingOptions()));

        Assert.That(e!.Message, Does.Contain("unknown source path shop.title").And.Contain("shop.name"));
    }

    [Test]
    public void Compile_FileWithBadTemplate_ThrowsNamingTheField()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => CompilerFor("""{ "Name": { "template": "{{ if shop.archived }}closed" } }""").Compile(new MappingOptions()));

        Assert.That(e!.Setting, Does.EndWith("Lightspeed_Store__c:fields:Name"));
    }

    [Test]
    public void Compile_FileWithUnknownSource_Throws()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => CompilerFor("""{ "Name": "shop.name" }""", storeSource: "warehouse").Compile(new MappingOptions()));

        Assert.That(e!.Message, Does.Contain("unknown source warehouse"));
    }

    [Test]
    public void Read_FieldWithBothFromAndTemplate_Throws()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => CompilerFor("""{ "Name": { "from": "shop.name", "template": "shop.name" } }"""));

        Assert.That(e!.Setting, Does.EndWith("fields:Name"));
    }

    [Test]
    public void Read_NotJson_Throws()
    {
        Assert.That(
            () => MappingDocumentReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("{ profiles: ")), "broken.json"),
            Throws.InstanceOf<MappingConfigurationException>().With.Property(nameof(MappingConfigurationException.Setting)).EqualTo("broken.json"));
    }
}
