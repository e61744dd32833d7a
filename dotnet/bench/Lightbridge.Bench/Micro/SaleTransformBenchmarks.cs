using System.Text;
using BenchmarkDotNet.Attributes;
using Lightbridge.Core.Failures;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Mapping;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Validation;
using Lightbridge.Lightspeed.Mapping;
using Lightbridge.Lightspeed.Paging;
using Lightbridge.Lightspeed.Wire.Dtos;
using Lightbridge.Salesforce.Bulk;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Mapping;

namespace Lightbridge.Bench.Micro;

/// <summary>
/// The transform path of one sale with three lines and one payment, step by step and whole, through the same calls the
/// sale pipeline and the Bulk upload make: wire JSON to <see cref="Sale"/>, normalize, validate, map to the five
/// Salesforce records (default mapping, and with two Scriban overrides), and the records' CSV lines.
/// </summary>
[MemoryDiagnoser]
public class SaleTransformBenchmarks
{
    private byte[] _wire = [];
    private ShopTimeZones _zones = ShopTimeZones.None;
    private AccountContext _account = null!;
    private CompiledMappings _default = null!;
    private CompiledMappings _overridden = null!;
    private CustomerLink _customer = null!;
    private Sale _sale = null!;
    private NormalizedSale _normalized = null!;
    private SalesforceRecord[] _records = [];
    private Dictionary<string, IReadOnlyList<BulkCsvColumn>> _columns = [];
    private byte[] _encoded = new byte[4096];
    private WireRecord _record;
    private SaleDto _dto = null!;
    private IReadOnlyDictionary<string, object?>[] _fields = [];

    /// <summary>How long <see cref="Setup"/> runs the whole path before measuring (shorter in the quick run).</summary>
    public static TimeSpan WarmUpTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Prepares the wire record, the compiled mappings and each step's input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // The sale as one record of a page, as the client receives it (a real page holds up to 100).
        _wire = Encoding.UTF8.GetBytes("""{"@attributes":{"next":"","previous":""},"Sale":""" + SampleSale.WireJson + "}");
        _zones = new ShopTimeZones([new Shop(new LightspeedId("1"), "Queen St", "America/Toronto", false, null)]);
        _account = new AccountContext(new LightspeedId("1"), CurrencyCode.Parse("CAD"), new Dictionary<LightspeedId, CurrencyCode>(), "CA");
        var compiler = new MappingCompiler();
        _default = compiler.Compile(new MappingOptions());
        _overridden = compiler.Compile(SampleSale.TwoOverrides());
        _customer = new CustomerLink(CustomerObjectType.Contact, SalesforceId.Parse(SampleSale.ContactId));

        _record = WirePage.Read(_wire, "Sale").Records[0];
        _dto = _record.Deserialize<SaleDto>();
        _sale = DeserializeAndMap();
        _normalized = Normalize();
        _records = MapDefault();
        _fields = ToFields();

        // Columns are computed once per Bulk job from all its records; per record only the line is written.
        _columns = _records.GroupBy(r => r.ObjectName)
            .ToDictionary(g => g.Key, g => BulkCsvWriter.Columns([.. g.Select(r => r.ToFields())]));
        Check();
        WarmUp();
    }

    /// <summary>A page of one sale (UTF-8) → <see cref="SaleDto"/> → <see cref="Sale"/>, as the client reads a page.</summary>
    [Benchmark]
    public Sale DeserializeAndMap() => SaleMapper.Map(WirePage.ReadAs<SaleDto>(_wire, "Sale").Records[0].Deserialize<SaleDto>(), _zones);

    /// <summary>Part of <see cref="DeserializeAndMap"/>: the page's one pass (envelope, next link, each record into its DTOs).</summary>
    [Benchmark]
    public int ReadPage() => WirePage.ReadAs<SaleDto>(_wire, "Sale").Records.Count;

    /// <summary>
    /// For comparison: a record's bytes read into the DTOs on their own, as a read by id does, or a page read again after
    /// a record it could not read.
    /// </summary>
    [Benchmark]
    public object DeserializeDto() => _record.Deserialize<SaleDto>();

    /// <summary>Part of <see cref="DeserializeAndMap"/>: the DTOs mapped to the canonical sale.</summary>
    [Benchmark]
    public Sale MapDto() => SaleMapper.Map(_dto, _zones);

    /// <summary>The sale normalized (rounding, instants, external ids, refunds).</summary>
    [Benchmark]
    public NormalizedSale Normalize() => SaleNormalizer.Normalize(_sale, _account);

    /// <summary>The normalized sale validated.</summary>
    [Benchmark]
    public IReadOnlyList<RecordFailure> Validate() => SaleValidator.Validate(_normalized);

    /// <summary>The sale, its three lines and its payment mapped with the shipped default mapping.</summary>
    [Benchmark]
    public SalesforceRecord[] MapDefault() => MapWith(_default);

    /// <summary>The same with two Scriban overrides (a text template on the sale, an expression on each line).</summary>
    [Benchmark]
    public SalesforceRecord[] MapWithOverrides() => MapWith(_overridden);

    /// <summary>Part of <see cref="CsvSerialize"/>: the five records as the field dictionaries the Bulk writer takes.</summary>
    [Benchmark]
    public IReadOnlyDictionary<string, object?>[] ToFields() => [.. _records.Select(r => r.ToFields())];

    /// <summary>Part of <see cref="CsvSerialize"/>: the five dictionaries written as UTF-8 CSV lines into the reused buffer.</summary>
    [Benchmark]
    public int CsvLinesOnly()
    {
        var bytes = 0;
        for (var i = 0; i < _fields.Length; i++)
        {
            bytes += BulkCsvWriter.WriteLine(_fields[i], _columns[_records[i].ObjectName], ',', ref _encoded);
        }

        return bytes;
    }

    /// <summary>The five records as Bulk CSV lines written as UTF-8 into a reused buffer, as the upload cursor writes them.</summary>
    [Benchmark]
    public int CsvSerialize() => WriteCsv(_records);

    /// <summary>Every step above for one sale, with the default mapping.</summary>
    [Benchmark]
    public int WholePathDefault() => Whole(_default);

    /// <summary>Every step above for one sale, with the two overrides.</summary>
    [Benchmark]
    public int WholePathWithOverrides() => Whole(_overridden);

    private int Whole(CompiledMappings mappings)
    {
        var sale = DeserializeAndMap();
        var normalized = SaleNormalizer.Normalize(sale, _account);
        if (SaleValidator.Validate(normalized).Any(f => f.IsBlocking))
        {
            throw new InvalidOperationException("The sample sale must be valid.");
        }

        return WriteCsv(Map(mappings, normalized));
    }

    private SalesforceRecord[] MapWith(CompiledMappings mappings) => Map(mappings, _normalized);

    private SalesforceRecord[] Map(CompiledMappings mappings, NormalizedSale normalized)
    {
        var records = new SalesforceRecord[1 + normalized.Lines.Count + normalized.Payments.Count];
        records[0] = mappings.Sale.Map(new SaleMappingSource(normalized, _customer));
        var next = 1;
        foreach (var line in normalized.Lines)
        {
            records[next++] = mappings.SaleLine.Map(line);
        }

        foreach (var payment in normalized.Payments)
        {
            records[next++] = mappings.Payment!.Map(payment);
        }

        return records;
    }

    private int WriteCsv(SalesforceRecord[] records)
    {
        var bytes = 0;
        foreach (var record in records)
        {
            bytes += BulkCsvWriter.WriteLine(record.ToFields(), _columns[record.ObjectName], ',', ref _encoded);
        }

        return bytes;
    }

    /// <summary>
    /// Runs the whole path for <see cref="WarmUpTime"/> (two seconds) so tiered compilation has promoted it (call counting, then a background
    /// compile) before the first measured method: otherwise the first benchmark alone pays for tier-0 code.
    /// </summary>
    private void WarmUp()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < WarmUpTime)
        {
            WholePathDefault();
            WholePathWithOverrides();
        }
    }

    /// <summary>Fails the run when the sample does not go through the path it is meant to measure.</summary>
    private void Check()
    {
        if (_sale.Lines.Count != 3 || _sale.Payments.Count != 1 || _sale.MalformedFields.Count > 0)
        {
            throw new InvalidOperationException("The sample sale must read as 3 lines and 1 payment, nothing malformed.");
        }

        if (Validate().Count > 0)
        {
            throw new InvalidOperationException("The sample sale must validate without failures: " + string.Join("; ", Validate().Select(f => f.Message)));
        }

        var ticket = MapWithOverrides()[0]["Ticket_Number__c"] as string;
        if (ticket != "220000000002 (CAD)" || Equals(MapWithOverrides()[1]["Line_Total__c"], MapDefault()[1]["Line_Total__c"]))
        {
            throw new InvalidOperationException($"The overrides must change what is mapped (ticket '{ticket}').");
        }

        if (WholePathDefault() <= 0 || WholePathWithOverrides() <= 0)
        {
            throw new InvalidOperationException("The whole path must write CSV.");
        }
    }
}
