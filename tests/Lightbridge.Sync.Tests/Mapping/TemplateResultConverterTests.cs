using System.Numerics;
using Lightbridge.Core.Identity;
using Lightbridge.Sync.Mapping;

namespace Lightbridge.Sync.Tests.Mapping;

public sealed class TemplateResultConverterTests
{
    // Field types by name: the enum is internal, and NUnit test methods are public.
    private static readonly object?[] Conversions =
    [
        new object?[] { "Currency", "  12.50 ", 12.50m },
        new object?[] { "Currency", 3, 3m },
        new object?[] { "Number", 2.5d, 2.5m },
        new object?[] { "Number", new BigInteger(10), 10m },
        new object?[] { "Number", "-1,000.25", -1000.25m },
        new object?[] { "Checkbox", "True", true },
        new object?[] { "Checkbox", false, false },
        new object?[] { "Date", "2026-03-01", new DateOnly(2026, 3, 1) },
        new object?[] { "Date", new DateTime(2026, 3, 1, 23, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 3, 1) },
        new object?[] { "DateTime", new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Unspecified), new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero) },
        new object?[] { "DateTime", "2026-03-01T12:00:00+02:00", new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero) },
        new object?[] { "Text", 10.5m, "10.5" },
        new object?[] { "Text", true, "true" },
        new object?[] { "Text", " padded\n", "padded" },
        new object?[] { "Text", "   ", null },
        new object?[] { "Currency", "", null },
        new object?[] { "Reference", null, null },
    ];

    [TestCaseSource(nameof(Conversions))]
    public void Convert_ScribanResult_FieldValue(string type, object? value, object? expected)
    {
        var result = TemplateResultConverter.Convert(value, new KnownField("F__c", Enum.Parse<TargetFieldType>(type)), "O__c");

        Assert.That(result, Is.EqualTo(expected));
        Assert.That(result?.GetType(), Is.EqualTo(expected?.GetType()));
    }

    [Test]
    public void Convert_FifteenCharacterIdForLookup_EighteenCharacterSalesforceId()
    {
        var result = TemplateResultConverter.Convert("003000000000001", new KnownField("ContactId", TargetFieldType.Reference), "Opportunity");

        Assert.That(result, Is.EqualTo(SalesforceId.Parse("003000000000001AAA")));
    }

    [TestCase("Currency", "12,50 EUR")]
    [TestCase("Checkbox", "yes")]
    [TestCase("Date", "01/03/2026")]
    [TestCase("DateTime", "soon")]
    [TestCase("Reference", "not-an-id")]
    public void Convert_ValueFieldCannotHold_ThrowsNamingFieldNotValue(string type, string value)
    {
        var e = Assert.Throws<MappingEvaluationException>(() => TemplateResultConverter.Convert(value, new KnownField("F__c", Enum.Parse<TargetFieldType>(type)), "O__c"));

        Assert.That(e!.Message, Does.StartWith("Mapping O__c.F__c:").And.Not.Contain(value));
    }
}
