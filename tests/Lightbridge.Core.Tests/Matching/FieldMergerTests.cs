using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;

namespace Lightbridge.Core.Tests.Matching;

public sealed class FieldMergerTests
{
    private static readonly SalesforceRecord Proposed = new(
        "Contact",
        "Lightspeed_Customer_Id__c",
        ExternalId.Parse("120645-7"),
        [
            new FieldValue("FirstName", "Ada"),
            new FieldValue("Email", "ada@example.com"),
            new FieldValue("Phone", null),
            new FieldValue("Birthdate", new DateOnly(1815, 12, 10)),
            new FieldValue("Lightspeed_Lifetime_Value__c", 12.5m),
        ],
        []);

    private static readonly FieldUpdatePolicies Policies = new(
        FieldUpdatePolicy.Overwrite,
        new Dictionary<string, FieldUpdatePolicy>
        {
            ["FirstName"] = FieldUpdatePolicy.FillIfBlank,
            ["Email"] = FieldUpdatePolicy.FillIfBlank,
            ["Birthdate"] = FieldUpdatePolicy.Never,
        });

    [Test]
    public void Merge_Create_WritesEveryField()
    {
        var result = FieldMerger.Merge(Proposed, null, Policies);

        Assert.That(result.Record, Is.SameAs(Proposed));
        Assert.That(result.WrittenFields, Has.Count.EqualTo(5));
        Assert.That(result.SkippedFields, Is.Empty);
    }

    [Test]
    public void Merge_FillIfBlankWithRepValue_NeverOverwrites()
    {
        var current = new Dictionary<string, object?> { ["FirstName"] = "Augusta", ["Email"] = "ada.rep@example.com" };

        var result = FieldMerger.Merge(Proposed, current, Policies);

        Assert.That(result.WrittenFields, Does.Not.Contain("FirstName").And.Not.Contain("Email"));
        Assert.That(result.Record.HasField("FirstName"), Is.False);
    }

    [Test]
    public void Merge_FillIfBlankWithBlankValue_Fills()
    {
        var current = new Dictionary<string, object?> { ["FirstName"] = "  ", ["Email"] = null };

        var result = FieldMerger.Merge(Proposed, current, Policies);

        Assert.That(result.WrittenFields, Does.Contain("FirstName").And.Contain("Email"));
        Assert.That(result.Record["Email"], Is.EqualTo("ada@example.com"));
    }

    [Test]
    public void Merge_NeverPolicyOnUpdate_Skips()
    {
        var result = FieldMerger.Merge(Proposed, new Dictionary<string, object?>(), Policies);

        Assert.That(result.SkippedFields, Does.Contain("Birthdate"));
    }

    [Test]
    public void Merge_OverwriteWithSameValueInOtherType_NoChanges()
    {
        // Salesforce returns numbers as doubles (shared/reference/salesforce-api.md §2.2).
        var current = new Dictionary<string, object?>
        {
            ["FirstName"] = "Ada", ["Email"] = "ada@example.com", ["Phone"] = null, ["Birthdate"] = "1815-12-10", ["Lightspeed_Lifetime_Value__c"] = 12.5d,
        };

        var result = FieldMerger.Merge(Proposed, current, Policies);

        Assert.That(result.HasChanges, Is.False);
    }

    [Test]
    public void Merge_OverwriteWithDifferentValue_Writes()
    {
        var current = new Dictionary<string, object?> { ["FirstName"] = "Ada", ["Lightspeed_Lifetime_Value__c"] = 10d, ["Phone"] = "+441632960123" };

        var result = FieldMerger.Merge(Proposed, current, Policies);

        Assert.That(result.WrittenFields, Does.Contain("Lightspeed_Lifetime_Value__c").And.Contain("Phone"));
        Assert.That(result.Record["Phone"], Is.Null);
    }

    [Test]
    public void SameValue_InstantsInDifferentForms_Equal()
    {
        var instant = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.That(FieldMerger.SameValue(instant, "2026-03-01T10:00:00.000+0000"), Is.True);
        Assert.That(FieldMerger.SameValue(instant, "2026-03-01T10:00:01.000+0000"), Is.False);
        Assert.That(FieldMerger.SameValue(true, "true"), Is.True);
        Assert.That(FieldMerger.SameValue(SalesforceId.Parse("0015000000Gv7qJ"), "0015000000Gv7qJAAR"), Is.True);
    }

    [Test]
    public void CustomerDefaults_ExternalIdAndEmail_OverwriteAndFillIfBlank()
    {
        Assert.That(FieldUpdatePolicies.CustomerDefaults.For("Lightspeed_Customer_Id__c"), Is.EqualTo(FieldUpdatePolicy.Overwrite));
        Assert.That(FieldUpdatePolicies.CustomerDefaults.For("Email"), Is.EqualTo(FieldUpdatePolicy.FillIfBlank));
    }
}
