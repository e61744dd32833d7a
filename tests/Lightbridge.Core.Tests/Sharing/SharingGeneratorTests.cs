using System.Xml.Linq;
using Lightbridge.Core.Sharing;

namespace Lightbridge.Core.Tests.Sharing;

public sealed class SharingGeneratorTests
{
    private const string SaleRules = "main/default/sharingRules/Lightspeed_Sale__c.sharingRules-meta.xml";
    private const string InventoryRules = "main/default/sharingRules/Lightspeed_Inventory__c.sharingRules-meta.xml";
    private static readonly XNamespace Ns = "http://soap.sforce.com/2006/04/metadata";

    private static readonly SharedStore Downtown = new("S120645_1", "Downtown");
    private static readonly SharedStore Airport = new("S120645_2", "Airport");
    private static readonly SharedStore Harbour = new("S120645_3", "Harbour & Co <East>");

    [Test]
    public void Plan_EmptyFolder_HeadOfficeGroupStoreGroupsAndOneRulesFilePerObject()
    {
        var folder = new Dictionary<string, string>();

        var plan = Apply(folder, Airport, Downtown);

        Assert.That(plan.Writes.Select(w => w.RelativePath), Is.EquivalentTo(new[]
        {
            "main/default/groups/Lightspeed_Head_Office.group-meta.xml",
            "main/default/groups/Lightspeed_Store_S120645_1.group-meta.xml",
            "main/default/groups/Lightspeed_Store_S120645_2.group-meta.xml",
            SaleRules,
            InventoryRules,
        }));
        Assert.That(plan.Writes.Select(w => w.Change), Is.All.EqualTo(SharingFileChange.Created));
        Assert.That(plan.NewStores.Select(s => s.Code), Is.EqualTo(new[] { "S120645_1", "S120645_2" }));
        foreach (var rules in new[] { SaleRules, InventoryRules })
        {
            var root = XDocument.Parse(folder[rules]).Root!;
            var criteria = root.Elements(Ns + "sharingCriteriaRules").ToList();
            Assert.That(criteria.Select(r => r.Element(Ns + "fullName")!.Value), Is.EqualTo(new[] { "Lightspeed_Store_S120645_1", "Lightspeed_Store_S120645_2" }), "in code order");
            Assert.That(criteria.Select(r => r.Element(Ns + "sharedTo")!.Element(Ns + "group")!.Value), Is.EqualTo(new[] { "Lightspeed_Store_S120645_1", "Lightspeed_Store_S120645_2" }));
            Assert.That(criteria.Select(r => r.Element(Ns + "accessLevel")!.Value), Is.All.EqualTo("Read"));
            var item = criteria[0].Element(Ns + "criteriaItems")!;
            Assert.That((item.Element(Ns + "field")!.Value, item.Element(Ns + "operation")!.Value, item.Element(Ns + "value")!.Value), Is.EqualTo(("Store_Code__c", "equals", "S120645_1")));
            var owner = root.Elements(Ns + "sharingOwnerRules").Single();
            Assert.That(owner.Element(Ns + "sharedTo")!.Element(Ns + "group")!.Value, Is.EqualTo("Lightspeed_Head_Office"));
            Assert.That(owner.Element(Ns + "sharedFrom")!.Element(Ns + "allInternalUsers"), Is.Not.Null, "records owned by anyone: everything");
            Assert.That(root.Elements().Select(e => e.Name.LocalName).SkipWhile(n => n == "sharingCriteriaRules").Distinct(), Is.EqualTo(new[] { "sharingOwnerRules" }), "criteria rules come first, as in the schema");
        }
    }

    [Test]
    public void Plan_SameStoresAgain_WritesNothing()
    {
        var folder = new Dictionary<string, string>();
        Apply(folder, Downtown, Airport);

        var plan = Apply(folder, Airport, Downtown);

        Assert.That(plan.Writes, Is.Empty);
        Assert.That(plan.KnownStores, Has.Count.EqualTo(2));
    }

    [Test]
    public void Plan_OneStoreAdded_CreatesItsGroupAndInsertsItsRulesKeepingEveryExistingByte()
    {
        var folder = new Dictionary<string, string>();
        Apply(folder, Downtown, Airport);
        var before = new Dictionary<string, string>(folder);

        var plan = Apply(folder, Downtown, Airport, Harbour);

        Assert.That(plan.Writes.Select(w => (w.RelativePath, w.Change)), Is.EquivalentTo(new[]
        {
            ("main/default/groups/Lightspeed_Store_S120645_3.group-meta.xml", SharingFileChange.Created),
            (SaleRules, SharingFileChange.Extended),
            (InventoryRules, SharingFileChange.Extended),
        }));
        Assert.That(plan.NewStores, Is.EqualTo(new[] { Harbour }));
        foreach (var rules in new[] { SaleRules, InventoryRules })
        {
            var inserted = Inserted(before[rules], folder[rules]);
            Assert.That(inserted, Does.Contain("S120645_3").And.Not.Contain("S120645_1").And.Not.Contain("S120645_2"), "only the new store's rule is added");
            Assert.That(XDocument.Parse(folder[rules]).Root!.Elements(Ns + "sharingCriteriaRules").Last().Element(Ns + "fullName")!.Value, Is.EqualTo("Lightspeed_Store_S120645_3"));
        }
    }

    [Test]
    public void Plan_StoreRenamedOrGone_NothingRewrittenOrRemoved()
    {
        var folder = new Dictionary<string, string>();
        Apply(folder, Downtown, Airport);
        var before = new Dictionary<string, string>(folder);

        var plan = Apply(folder, Downtown with { Name = "Downtown Flagship" });

        Assert.That(plan.Writes, Is.Empty, "an admin may have edited the group; Airport's group may be filled");
        Assert.That(folder, Is.EqualTo(before));
    }

    [Test]
    public void Plan_AdminAddedARuleAndRemovedHeadOffice_KeepsTheirRuleAndRestoresHeadOfficeAfterIt()
    {
        var folder = new Dictionary<string, string>();
        Apply(folder, Downtown);
        var text = folder[SaleRules];
        var ownerStart = text.IndexOf("    <sharingOwnerRules>", StringComparison.Ordinal);
        var ownerEnd = text.IndexOf("</sharingOwnerRules>\n", StringComparison.Ordinal) + "</sharingOwnerRules>\n".Length;
        var adminRule = "    <sharingCriteriaRules>\n        <fullName>Regional_North</fullName>\n        <accessLevel>Read</accessLevel>\n        <label>North</label>\n        <sharedTo>\n            <group>North</group>\n        </sharedTo>\n        <criteriaItems>\n            <field>Store_Code__c</field>\n            <operation>equals</operation>\n            <value>S120645_1,S120645_2</value>\n        </criteriaItems>\n        <includeRecordsOwnedByAll>true</includeRecordsOwnedByAll>\n    </sharingCriteriaRules>\n";
        folder[SaleRules] = text[..ownerStart] + adminRule + text[ownerEnd..];
        var edited = folder[SaleRules];

        Apply(folder, Downtown, Airport);

        var root = XDocument.Parse(folder[SaleRules]).Root!;
        Assert.That(root.Elements(Ns + "sharingCriteriaRules").Select(r => r.Element(Ns + "fullName")!.Value), Is.EqualTo(new[] { "Lightspeed_Store_S120645_1", "Regional_North", "Lightspeed_Store_S120645_2" }));
        Assert.That(root.Elements(Ns + "sharingOwnerRules").Select(r => r.Element(Ns + "fullName")!.Value), Is.EqualTo(new[] { "Lightspeed_Head_Office" }));
        Assert.That(Inserted(edited, folder[SaleRules]), Does.Contain("Lightspeed_Store_S120645_2").And.Contain("Lightspeed_Head_Office"));
    }

    [Test]
    public void Plan_NameWithMarkupAndLongName_EscapedAndLabelsWithinTheLimits()
    {
        var folder = new Dictionary<string, string>();
        var longName = new SharedStore("S120645_4", new string('x', 90));

        Apply(folder, Harbour, longName);

        var group = XDocument.Parse(folder["main/default/groups/Lightspeed_Store_S120645_3.group-meta.xml"]).Root!;
        Assert.That(group.Element(Ns + "name")!.Value, Is.EqualTo("Harbour & Co <East> (S120645_3)"));
        var longGroup = XDocument.Parse(folder["main/default/groups/Lightspeed_Store_S120645_4.group-meta.xml"]).Root!;
        Assert.That(longGroup.Element(Ns + "name")!.Value, Has.Length.EqualTo(SharingNames.GroupLabelMaxLength));
        var labels = XDocument.Parse(folder[SaleRules]).Root!.Descendants(Ns + "label").Select(l => l.Value);
        Assert.That(labels, Has.All.Length.LessThanOrEqualTo(SharingNames.RuleLabelMaxLength));
    }

    [TestCase("120645-1")]
    [TestCase("1store")]
    [TestCase("S__1")]
    [TestCase("S1_")]
    [TestCase("S123456789012345678901")]
    public void Plan_CodeThatCannotNameAGroup_ThrowsNamingTheStore(string code)
    {
        var ex = Assert.Throws<SharingFolderException>(() => SharingGenerator.Plan([new SharedStore(code, "Odd")], _ => null));
        Assert.That(ex!.Message, Does.Contain("Odd").And.Contain(code));
    }

    [Test]
    public void Plan_MoreStoresThanCriteriaRulesAllowed_ThrowsWithTheLimit()
    {
        var stores = Enumerable.Range(1, 51).Select(i => new SharedStore($"S9_{i}", $"Store {i}"));

        var ex = Assert.Throws<SharingFolderException>(() => SharingGenerator.Plan(stores, _ => null));

        Assert.That(ex!.Message, Does.Contain("51").And.Contain("50 per object"));
    }

    [Test]
    public void Plan_ExistingRulesFileMalformed_ThrowsNamingTheFile()
    {
        var folder = new Dictionary<string, string> { [SaleRules] = "<SharingRules><oops>" };

        var ex = Assert.Throws<SharingFolderException>(() => Apply(folder, Downtown));

        Assert.That(ex!.Message, Does.Contain(SaleRules).And.Contain("not well-formed"));
    }

    private static SharingPlan Apply(Dictionary<string, string> folder, params SharedStore[] stores)
    {
        var plan = SharingGenerator.Plan(stores, path => folder.GetValueOrDefault(path));
        foreach (var file in plan.Writes)
        {
            folder[file.RelativePath] = file.Content;
        }

        return plan;
    }

    // The text that an extension inserted: the old text must survive as a prefix and a suffix of the new one.
    private static string Inserted(string before, string after)
    {
        var prefix = 0;
        while (prefix < before.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = before.Length - prefix;
        Assert.That(after.EndsWith(before[prefix..], StringComparison.Ordinal), Is.True, "every existing byte is kept, in order");
        return after[prefix..^suffix];
    }
}
