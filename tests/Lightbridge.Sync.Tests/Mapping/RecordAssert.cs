using Lightbridge.Core.Mapping;

namespace Lightbridge.Sync.Tests.Mapping;

/// <summary>Compares two mapped records field by field, in order, values included.</summary>
internal static class RecordAssert
{
    public static void Same(SalesforceRecord actual, SalesforceRecord expected)
    {
        Assert.That(actual.ObjectName, Is.EqualTo(expected.ObjectName));
        Assert.That(actual.ExternalIdField, Is.EqualTo(expected.ExternalIdField));
        Assert.That(actual.ExternalId, Is.EqualTo(expected.ExternalId));
        Assert.That(actual.Fields.Select(f => f.Name), Is.EqualTo(expected.Fields.Select(f => f.Name)), $"{expected.ObjectName} field names");
        for (var i = 0; i < expected.Fields.Count; i++)
        {
            var (name, want, got) = (expected.Fields[i].Name, expected.Fields[i].Value, actual.Fields[i].Value);
            Assert.That(got?.GetType(), Is.EqualTo(want?.GetType()), $"{expected.ObjectName}.{name} type");
            Assert.That(got, Is.EqualTo(want), $"{expected.ObjectName}.{name} value");
        }

        Assert.That(actual.References, Is.EqualTo(expected.References), $"{expected.ObjectName} references");
    }
}
