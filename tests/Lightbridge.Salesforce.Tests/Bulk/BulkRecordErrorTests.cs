using Lightbridge.Salesforce.Bulk;

namespace Lightbridge.Salesforce.Tests.Bulk;

public sealed class BulkRecordErrorTests
{
    [Test]
    public void Parse_MessageWithColonAndField_SplitAtFirstAndLastColon()
    {
        var error = BulkRecordError.Parse("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --");

        Assert.That(error.StatusCode, Is.EqualTo("REQUIRED_FIELD_MISSING"));
        Assert.That(error.Message, Is.EqualTo("Required fields are missing: [Name]"));
        Assert.That(error.Fields, Is.EqualTo(new[] { "Name" }));
    }

    [Test]
    public void Parse_NoField_EmptyFields()
    {
        var error = BulkRecordError.Parse("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--");

        Assert.That(error.StatusCode, Is.EqualTo("INVALID_CROSS_REFERENCE_KEY"));
        Assert.That(error.Message, Is.EqualTo("invalid cross reference id"));
        Assert.That(error.Fields, Is.Empty);
    }

    [Test]
    public void Parse_SeveralFields_AllRead()
    {
        var error = BulkRecordError.Parse("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName, Company]:LastName,Company --");

        Assert.That(error.Fields, Is.EqualTo(new[] { "LastName", "Company" }));
    }

    [Test]
    public void Parse_LockConflict_Transient()
    {
        Assert.That(BulkRecordError.Parse("UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records: 003xx:--").IsTransient, Is.True);
    }

    [Test]
    public void Parse_NoCode_Unknown()
    {
        Assert.That(BulkRecordError.Parse("something odd").StatusCode, Is.EqualTo("UNKNOWN"));
    }
}
