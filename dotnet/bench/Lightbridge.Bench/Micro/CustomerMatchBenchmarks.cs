using BenchmarkDotNet.Attributes;
using Lightbridge.Core.Matching;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.State;
using Lightbridge.Sync.Normalization;
using Lightbridge.Sync.Pipelines.Customers;

namespace Lightbridge.Bench.Micro;

/// <summary>
/// Customer matching (external id, then email, then phone) against an identity index of
/// <see cref="IndexSize"/> entries: in memory (the matcher's own cost), and in the product's LiteDB state file.
/// Each invocation matches <see cref="ProbesPerInvoke"/> customers: a third found by external id, a third by email
/// (their external id unknown), a third found by nothing (three lookups that miss), so the figure is per customer.
/// </summary>
[MemoryDiagnoser]
public class CustomerMatchBenchmarks
{
    /// <summary>Customers matched per invocation.</summary>
    public const int ProbesPerInvoke = 300;

    private NormalizedCustomer[] _probes = [];
    private CustomerMatcher _inMemory = null!;
    private CustomerMatcher _liteDb = null!;
    private static InMemoryIdentityLookup? s_inMemoryIndex;
    private StateStore? _state;

    /// <summary>Entries in the index (1,000,000; the quick run's LiteDB file uses the same size, built once).</summary>
    public static int IndexSize { get; set; } = 1_000_000;

    /// <summary>Builds the in-memory index, opens (or builds once) the LiteDB index, and normalizes the probes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        // Built once per process: BenchmarkDotNet runs the setup before each benchmark, and the build takes seconds.
        if (s_inMemoryIndex?.Count != IndexSize)
        {
            s_inMemoryIndex = new InMemoryIdentityLookup(IndexSize, IdentityFixture.Entries(IndexSize));
        }

        _inMemory = new CustomerMatcher(s_inMemoryIndex, MatchingPolicy.Default);
        _state = IdentityStateFile.Open(IndexSize);
        _liteDb = new CustomerMatcher(new IdentityIndexLookup(_state.Identities), MatchingPolicy.Default);

        var normalizer = new CustomerNormalizer(new LibPhoneNumberNormalizer());
        var random = new Random(8);
        _probes = new NormalizedCustomer[ProbesPerInvoke];
        for (var p = 0; p < ProbesPerInvoke; p++)
        {
            var i = random.Next(IndexSize);
            var customer = (p % 3) switch
            {
                0 => Customer(i.ToString(System.Globalization.CultureInfo.InvariantCulture), IdentityFixture.Email(i), IdentityFixture.Phone(i)),
                1 => Customer("x" + p.ToString(System.Globalization.CultureInfo.InvariantCulture), IdentityFixture.Email(i), "+14165550000"),
                _ => Customer("y" + p.ToString(System.Globalization.CultureInfo.InvariantCulture), $"nobody{p}@example.org", "+33142000000"),
            };
            _probes[p] = normalizer.Normalize(customer, new LightspeedId(IdentityFixture.AccountId), "CA");
        }

        Check(_inMemory);
        Check(_liteDb);
    }

    /// <summary>Closes the state file.</summary>
    [GlobalCleanup]
    public void Cleanup() => _state?.Dispose();

    /// <summary>Matching against the index in three dictionaries.</summary>
    [Benchmark(OperationsPerInvoke = ProbesPerInvoke)]
    public int MatchInMemoryIndex() => MatchAll(_inMemory);

    /// <summary>Matching against the LiteDB identity index, as the customer pipeline does.</summary>
    [Benchmark(OperationsPerInvoke = ProbesPerInvoke)]
    public int MatchLiteDbIndex() => MatchAll(_liteDb);

    private int MatchAll(CustomerMatcher matcher)
    {
        var matched = 0;
        foreach (var probe in _probes)
        {
            if (matcher.Match(probe) is Matched)
            {
                matched++;
            }
        }

        return matched;
    }

    private void Check(CustomerMatcher matcher)
    {
        var expected = (ProbesPerInvoke + 2) / 3 + (ProbesPerInvoke + 1) / 3;
        var matched = MatchAll(matcher);
        if (matched != expected)
        {
            throw new InvalidOperationException($"The probes should match {expected} customers, not {matched}.");
        }
    }

    private static Customer Customer(string id, string email, string phone) => new(
        new LightspeedId(id), "Ada", "Shopper", null, null,
        [new CustomerEmail(email, EmailUseType.Primary)],
        [new CustomerPhone(phone, PhoneUseType.Mobile)],
        null, false, null, null, null);
}
