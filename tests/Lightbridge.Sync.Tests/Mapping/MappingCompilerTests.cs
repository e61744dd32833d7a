using System.Globalization;
using Lightbridge.Core.Mapping;
using Lightbridge.Sync.Mapping;
using static Lightbridge.Sync.Tests.Mapping.SampleRecords;

namespace Lightbridge.Sync.Tests.Mapping;

public sealed class MappingCompilerTests
{
    private static MappingOptions Options(params (string Object, string Field, string? Expression)[] overrides)
    {
        var options = new MappingOptions();
        foreach (var (obj, field, expression) in overrides)
        {
            if (!options.Overrides.TryGetValue(obj, out var fields))
            {
                options.Overrides[obj] = fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            }

            fields[field] = expression;
        }

        return options;
    }

    private static CompiledMappings Compile(params (string Object, string Field, string? Expression)[] overrides) =>
        new MappingCompiler().Compile(Options(overrides));

    [Test]
    public void Compile_OverrideExistingField_ChangesThatFieldOnly()
    {
        var mappings = Compile(("Lightspeed_Sale__c", "Total__c", "sale.total * 2"));
        var source = SaleSources()[0];

        var record = mappings.Sale.Map(source);
        var expected = DefaultMappings.Sale.Map(source);

        Assert.That(record["Total__c"], Is.EqualTo(21.6m));
        RecordAssert.Same(record.WithoutField("Total__c"), expected.WithoutField("Total__c"));
        Assert.That(record.Fields.Select(f => f.Name), Is.EqualTo(expected.Fields.Select(f => f.Name)), "the override keeps the field's place");
    }

    [Test]
    public void Compile_OverrideNewField_AppendsItAndKeepsTheRest()
    {
        var mappings = Compile(("Contact", "Description", "'Lightspeed customer ' + customer.id"));
        var customer = Customers()[0];

        var record = mappings.Contact.Map(customer);

        Assert.That(record["Description"], Is.EqualTo("Lightspeed customer 7"));
        RecordAssert.Same(record.WithoutField("Description"), DefaultMappings.Contact.Map(customer));
    }

    [Test]
    public void Compile_OverrideKeysInOtherCase_MatchCanonicalNames()
    {
        var record = Compile(("contact", "description", "customer.email")).Contact.Map(Customers()[0]);

        Assert.That(record["Description"], Is.EqualTo("person7@example.com"));
    }

    [Test]
    public void Compile_EmptyOverride_FieldNoLongerWritten()
    {
        var mappings = Compile(("Contact", "Birthdate", ""));

        var record = mappings.Contact.Map(Customers()[0]);

        Assert.That(record.HasField("Birthdate"), Is.False);
        Assert.That(record["LastName"], Is.EqualTo("Lovelace"));
    }

    [Test]
    public void Compile_OverrideLookupOfReference_ReplacesTheReference()
    {
        var mappings = Compile(("Lightspeed_Sale__c", "Contact__c", "'003000000000002'"));

        var record = mappings.Sale.Map(SaleSources()[1]);

        Assert.That(record["Contact__c"], Is.EqualTo(Core.Identity.SalesforceId.Parse("003000000000002")));
        Assert.That(record.ReferenceFor("Contact__c"), Is.Null);
    }

    [Test]
    public void Compile_TextTemplateUnderCommaCulture_RendersInvariantNumbers()
    {
        var mappings = Compile(("Lightspeed_Sale__c", "Ticket_Number__c", "{{ sale.ticket_number }} / {{ sale.total }}"));
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            var record = mappings.Sale.Map(SaleSources()[0]);

            Assert.That(record["Ticket_Number__c"], Is.EqualTo("220000000002 / 10.8"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void Compile_StringResultForMoneyField_ParsedAsInvariantDecimal()
    {
        var mappings = Compile(("Lightspeed_Sale__c", "Discount__c", "'12.50'"), ("Lightspeed_Sale__c", "Tax__c", "1"));
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            var record = mappings.Sale.Map(SaleSources()[0]);

            Assert.That(record["Discount__c"], Is.EqualTo(12.50m).And.TypeOf<decimal>());
            Assert.That(record["Tax__c"], Is.EqualTo(1m).And.TypeOf<decimal>());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void Compile_TemplateYieldsNullOrBlank_ClearsTheField()
    {
        var mappings = Compile(("Lightspeed_Sale__c", "Register__c", "null"), ("Lightspeed_Sale__c", "Channel__c", "{{ '' }}  "));

        var record = mappings.Sale.Map(SaleSources()[0]);

        Assert.That(record.HasField("Register__c") && record["Register__c"] is null, Is.True);
        Assert.That(record.HasField("Channel__c") && record["Channel__c"] is null, Is.True);
    }

    [Test]
    public void Compile_DateAndInstantFields_ConvertScribanDates()
    {
        var mappings = Compile(
            ("Contact", "Birthdate", "customer.birthdate"),
            ("Lightspeed_Sale__c", "Sale_Time__c", "sale.sale_time"),
            ("Lightspeed_Sale__c", "Is_Refund__c", "!sale.is_refund"));

        var contact = mappings.Contact.Map(Customers()[0]);
        var sale = mappings.Sale.Map(SaleSources()[0]);

        Assert.That(contact["Birthdate"], Is.EqualTo(new DateOnly(1815, 12, 10)));
        Assert.That(sale["Sale_Time__c"], Is.EqualTo(T0).And.TypeOf<DateTimeOffset>());
        Assert.That(sale["Is_Refund__c"], Is.EqualTo(true));
    }

    [Test]
    public void Compile_TemplateThatDoesNotParse_ThrowsNamingTheSetting()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => Compile(("Contact", "Description", "customer.first_name +")));

        Assert.That(e!.Setting, Is.EqualTo("Mapping:Overrides:Contact:Description"));
        Assert.That(e.Message, Does.StartWith("Mapping:Overrides:Contact:Description:").And.Contain("does not parse"));
    }

    [Test]
    public void Compile_TextTemplateThatDoesNotParse_ThrowsWithScribanMessage()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => Compile(("Lead", "Description", "Hello {{ if customer.company }}")));

        Assert.That(e!.Setting, Is.EqualTo("Mapping:Overrides:Lead:Description"));
        Assert.That(e.Message, Does.Contain("error"));
    }

    [Test]
    public void Compile_UnknownTargetField_ThrowsNamingTheField()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => Compile(("Contact", "Favourite_Colour__c", "'blue'")));

        Assert.That(e!.Setting, Is.EqualTo("Mapping:Overrides:Contact:Favourite_Colour__c"));
        Assert.That(e.Message, Does.Contain("unknown field Favourite_Colour__c on Contact"));
    }

    [Test]
    public void Compile_RollupSummaryField_ThrowsAsUnknown()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => Compile(("Lightspeed_Sale__c", "Line_Count__c", "3")));

        Assert.That(e!.Message, Does.Contain("Line_Count__c"));
    }

    [Test]
    public void Compile_ObjectNotInProfile_ThrowsNamingTheObject()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => Compile(("Opportunity", "Amount", "sale.total")));

        Assert.That(e!.Setting, Is.EqualTo("Mapping:Overrides:Opportunity"));
        Assert.That(e.Message, Does.Contain("maps no object Opportunity"));
    }

    [Test]
    public void Compile_ExternalIdFieldOverridden_Throws()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => Compile(("Lightspeed_Sale__c", "Lightspeed_Sale_Id__c", "'x'")));

        Assert.That(e!.Message, Does.Contain("external id"));
    }

    [Test]
    public void Compile_SeveralProblems_ReportsEveryOne()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => Compile(
            ("Contact", "Nope__c", "1"),
            ("Lead", "Description", "(("),
            ("Product2", "Also_Nope__c", "2")));

        Assert.That(e!.Message, Does.Contain("Nope__c").And.Contain("Mapping:Overrides:Lead:Description").And.Contain("Also_Nope__c"));
    }

    [Test]
    public void Compile_TemplateReadsUnknownMember_ThrowsAtStartNamingTheSettingAndMember()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => Compile(("Contact", "Description", "{{ customer.first_name }} {{ customer.favourite_colour }}")));

        Assert.That(e!.Setting, Is.EqualTo("Mapping:Overrides:Contact:Description"));
        Assert.That(e.Message, Does.Contain("customer.favourite_colour is not a member of customer").And.Contain("customer.email"));
    }

    [Test]
    public void Compile_TemplateReadsRecordTheObjectDoesNotMap_ThrowsAtStart()
    {
        var e = Assert.Throws<MappingConfigurationException>(() => Compile(("Contact", "Description", "sale.total")));

        Assert.That(e!.Message, Does.Contain("sale is not available here: this object maps customer"));
    }

    [Test]
    public void Map_TemplateFailsAtRunTime_ThrowsEvaluationExceptionNamingTheField()
    {
        var mappings = Compile(("Contact", "Description", "customer.first_name | string.nonexistent_function"));

        var e = Assert.Throws<MappingEvaluationException>(() => mappings.Contact.Map(Customers()[0]));

        Assert.That(e!.ObjectName, Is.EqualTo("Contact"));
        Assert.That(e.Field, Is.EqualTo("Description"));
        Assert.That(e.Message, Does.Not.Contain("Ada"));
    }

    [Test]
    public void Map_TemplateYieldsTextForMoneyField_ThrowsWithoutQuotingTheValue()
    {
        var mappings = Compile(("Lightspeed_Sale__c", "Total__c", "sale.channel"));

        var e = Assert.Throws<MappingEvaluationException>(() => mappings.Sale.Map(SaleSources()[0]));

        Assert.That(e!.Message, Does.Contain("Total__c").And.Contain("decimal").And.Not.Contain("POS"));
    }

    [Test]
    public void Map_TemplateFailedOnce_NextRecordsStillMap()
    {
        var mappings = Compile(("Lightspeed_Sale__c", "Total__c", "sale.total / (sale.line_count - 1)"));
        var bad = SaleSources()[0];
        var good = SaleSources()[5];

        Assert.That(() => mappings.Sale.Map(bad), Throws.InstanceOf<MappingEvaluationException>());
        Assert.That(mappings.Sale.Map(good)["Total__c"], Is.EqualTo(-10.8m));
    }

    [Test]
    public void Map_TemplateAssignsVariablesOrMembers_NothingLeaksToNextRecord()
    {
        var mappings = Compile(("Contact", "Description", "x = 1; x = x + 1; x"));
        var customers = Customers();

        var first = mappings.Contact.Map(customers[0]);
        var second = mappings.Contact.Map(customers[1]);

        Assert.That(first["Description"], Is.EqualTo("2"));
        Assert.That(second["Description"], Is.EqualTo("2"));
        Assert.That(() => Compile(("Contact", "Description", "customer.first_name = 'Eve'")).Contact.Map(customers[0]), Throws.InstanceOf<MappingEvaluationException>());
        Assert.That(mappings.Contact.Map(customers[0])["FirstName"], Is.EqualTo("Ada"));
    }
}
