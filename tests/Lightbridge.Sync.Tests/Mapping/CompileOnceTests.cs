using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;
using Lightbridge.Sync.Mapping;
using static Lightbridge.Sync.Tests.Mapping.SampleRecords;

namespace Lightbridge.Sync.Tests.Mapping;

public sealed class CompileOnceTests
{
    private static MappingOptions TwoOverrides()
    {
        var options = new MappingOptions();
        options.Overrides["Lightspeed_Sale__c"] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Total__c"] = "sale.total + sale.tax",
            ["Ticket_Number__c"] = "#{{ sale.id }}",
        };
        return options;
    }

    private static IReadOnlyList<SaleMappingSource> ManySales(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new SaleMappingSource(Sale(i.ToString(System.Globalization.CultureInfo.InvariantCulture), total: i), new CustomerLink(CustomerObjectType.Contact, null)))
            .ToList();

    [Test]
    public void Map_TenThousandRecords_TemplatesParsedOnlyAtCompile()
    {
        var compiler = new MappingCompiler();
        var mappings = compiler.Compile(TwoOverrides());
        Assert.That(compiler.TemplatesParsed, Is.EqualTo(2));

        var records = ManySales(10_000).Select(mappings.Sale.Map).ToList();

        Assert.That(compiler.TemplatesParsed, Is.EqualTo(2));
        Assert.That(records[0]["Total__c"], Is.EqualTo(1.8m));
        Assert.That(records[9_999]["Total__c"], Is.EqualTo(10_000.8m));
        Assert.That(records[9_999]["Ticket_Number__c"], Is.EqualTo("#10000"));
    }

    [Test]
    public void Map_ManyThreadsShareOneCompiledMapping_EachRecordGetsItsOwnValues()
    {
        var mappings = new MappingCompiler().Compile(TwoOverrides());
        var sales = ManySales(4_000);

        var results = sales
            .AsParallel()
            .WithDegreeOfParallelism(4)
            .Select(s => (Source: s, Record: mappings.Sale.Map(s)))
            .ToList();

        Assert.That(
            results.Where(r => (decimal)r.Record["Total__c"]! != r.Source.Sale.Total + r.Source.Sale.Tax || (string)r.Record["Ticket_Number__c"]! != "#" + r.Source.Sale.Id.Value),
            Is.Empty);
    }
}
