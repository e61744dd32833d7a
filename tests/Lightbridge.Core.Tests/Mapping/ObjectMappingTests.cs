using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Normalization;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Mapping;

public sealed class ObjectMappingTests
{
    [Test]
    public void WithField_ExistingTarget_ReplacedInPlace()
    {
        var mapping = DefaultMappings.Contact.WithField("LastName", c => c.LastName?.ToUpperInvariant());

        var record = mapping.Map(Normalized(Customer()));

        Assert.That(record["LastName"], Is.EqualTo("LOVELACE"));
        Assert.That(record.Fields.Select(f => f.Name).ToList().IndexOf("LastName"), Is.EqualTo(1));
        Assert.That(DefaultMappings.Contact.Map(Normalized(Customer()))["LastName"], Is.EqualTo("Lovelace"));
    }

    [Test]
    public void WithField_NewTarget_Appended()
    {
        var record = DefaultMappings.Contact.WithField("LeadSource", _ => "Lightspeed").Map(Normalized(Customer()));

        Assert.That(record.Fields[^1], Is.EqualTo(new FieldValue("LeadSource", "Lightspeed")));
    }

    [Test]
    public void WithoutField_Target_NotWritten()
    {
        var mapping = DefaultMappings.Contact.WithoutField("Birthdate");

        Assert.That(mapping.Map(Normalized(Customer())).HasField("Birthdate"), Is.False);
        Assert.That(mapping.TargetFields, Does.Not.Contain("Birthdate"));
    }

    [Test]
    public void Constructor_TargetMappedTwice_Throws()
    {
        Assert.That(
            () => new ObjectMapping<NormalizedCustomer>("Contact", "Lightspeed_Customer_Id__c", c => c.ExternalId,
                [new("Email", _ => null), new("Email", _ => null)], []),
            Throws.ArgumentException.With.Message.Contains("Email"));
    }

    [Test]
    public void Constructor_ExternalIdFieldMapped_Throws()
    {
        Assert.That(
            () => new ObjectMapping<NormalizedCustomer>("Contact", "Lightspeed_Customer_Id__c", c => c.ExternalId,
                [new("Lightspeed_Customer_Id__c", c => c.ExternalId.Value)], []),
            Throws.ArgumentException);
    }

    [Test]
    public void RelationshipName_StandardAndCustomLookups_Derived()
    {
        var parent = ExternalId.Parse("1-2");

        Assert.That(new RelationshipReference("Store__c", "Lightspeed_Store__c", "Lightspeed_Shop_Id__c", parent).RelationshipName, Is.EqualTo("Store__r"));
        Assert.That(new RelationshipReference("AccountId", "Account", "Ext__c", parent).ColumnName, Is.EqualTo("Account.Ext__c"));
    }

    [Test]
    public void SalesforceRecord_WithFieldAndReference_ReplaceConsistently()
    {
        var record = DefaultMappings.Contact.Map(Normalized(Customer()));

        var changed = record.WithField("Email", null).WithField("AccountId", SalesforceId.Parse("001000000000001"));
        var referenced = changed.WithReference(new RelationshipReference("AccountId", "Account", "Ext__c", ExternalId.Parse("1-2")));

        Assert.That(changed["Email"], Is.Null);
        Assert.That(changed.HasField("AccountId"), Is.True);
        Assert.That(referenced.HasField("AccountId"), Is.False);
        Assert.That(referenced.ReferenceFor("AccountId"), Is.Not.Null);
        Assert.That(referenced.WithoutField("AccountId").ReferenceFor("AccountId"), Is.Null);
        Assert.That(record.ToString(), Does.Not.Contain("ada"));
    }
}
