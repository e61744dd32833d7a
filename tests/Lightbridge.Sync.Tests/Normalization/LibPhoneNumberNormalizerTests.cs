using Lightbridge.Sync.Normalization;

namespace Lightbridge.Sync.Tests.Normalization;

public sealed class LibPhoneNumberNormalizerTests
{
    private static readonly LibPhoneNumberNormalizer Normalizer = new();

    // Messy numbers as a POS holds them, with the shop's region, and the E.164 number expected.
    private static readonly object[] ValidCases =
    [
        new object[] { "(416) 250-1234", "CA", "+14162501234" },
        new object[] { "416.250.1234", "CA", "+14162501234" },
        new object[] { "416-250-1234", "CA", "+14162501234" },
        new object[] { "1 416 250 1234", "CA", "+14162501234" },
        new object[] { "+1 416 250 1234", "NL", "+14162501234" },
        new object[] { "  +1 (416) 250-1234  ", "US", "+14162501234" },
        new object[] { "(416) 250-1234 ext. 55", "CA", "+14162501234" },
        new object[] { "416-250-1234 x55", "CA", "+14162501234" },
        new object[] { "(212) 736-5000", "US", "+12127365000" },
        new object[] { "0031 20 622 1234", "NL", "+31206221234" },
        new object[] { "0031 20 622 1234", "US", "+31206221234" },
        new object[] { "011 31 20 622 1234", "US", "+31206221234" },
        new object[] { "+31 (0)20 622 1234", "CA", "+31206221234" },
        new object[] { "020-6221234", "NL", "+31206221234" },
        new object[] { "06 12345678", "NL", "+31612345678" },
        new object[] { "020 7946 0958", "GB", "+442079460958" },
        new object[] { "07400 123456", "GB", "+447400123456" },
        new object[] { "07400 123456", "uk", "+447400123456" },
        new object[] { "+44 7400 123456", "ZZ", "+447400123456" },
    ];

    private static readonly object[] InvalidCases =
    [
        new object[] { "555-0199", "CA", "area code" },
        new object[] { "12", "CA", "too short" },
        new object[] { "n/a", "CA", "no digits" },
        new object[] { "", "CA", "blank" },
        new object[] { "   ", "US", "blank" },
        new object[] { "12345678901234567890", "US", "too long" },
        new object[] { "+999 123 456 789", "US", "country calling code" },
        new object[] { "020 622 1234", "XX", "not a known ISO 3166 region" },
        new object[] { "(416) 050-1234", "CA", "not in a range" },
    ];

    [TestCaseSource(nameof(ValidCases))]
    public void Normalize_MessyValidNumber_ReturnsE164(string raw, string region, string expected)
    {
        var result = Normalizer.Normalize(raw, region);

        Assert.That(result.IsValid, Is.True, () => $"'{raw}' ({region}) was rejected: {result.Problem}");
        Assert.That(result.Number!.Value, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(InvalidCases))]
    public void Normalize_UnusableNumber_ReturnsInvalidWithReason(string raw, string region, string reason)
    {
        var result = Normalizer.Normalize(raw, region);

        Assert.That(result.IsValid, Is.False, () => $"'{raw}' ({region}) was accepted as {result.Number?.Value}");
        Assert.That(result.Problem, Does.Contain(reason));
    }

    [Test]
    public void Normalize_InvalidNumber_ReasonDoesNotQuoteTheNumber()
    {
        var result = Normalizer.Normalize("(416) 050-1234", "CA");

        Assert.That(result.Problem, Does.Not.Contain("050").And.Not.Contain("416"));
    }

    [Test]
    public void Normalize_ManyThreadsAtOnce_SameResultsAsSequential()
    {
        var inputs = ValidCases.Cast<object[]>().Select(c => ((string)c[0], (string)c[1], (string)c[2])).ToList();

        var results = Enumerable.Range(0, 2_000)
            .AsParallel()
            .WithDegreeOfParallelism(4)
            .Select(i => inputs[i % inputs.Count])
            .Select(c => (Expected: c.Item3, Actual: Normalizer.Normalize(c.Item1, c.Item2).Number?.Value))
            .ToList();

        Assert.That(results.Where(r => r.Expected != r.Actual), Is.Empty);
    }
}
