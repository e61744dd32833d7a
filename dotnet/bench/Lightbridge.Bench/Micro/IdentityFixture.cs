using System.Globalization;
using Lightbridge.Core.Identity;
using Lightbridge.State;

namespace Lightbridge.Bench.Micro;

/// <summary>
/// A deterministic identity index: entry <c>i</c> is a Contact (a Lead for every tenth) with its own Salesforce id,
/// external id <c>1-{i}</c>, email <c>shopper{i}@example.com</c> and phone <c>+1416{i:0000000}</c>, so a probe can name
/// which rule should find it.
/// </summary>
internal static class IdentityFixture
{
    /// <summary>The account the external ids belong to.</summary>
    public const string AccountId = "1";

    private static readonly DateTimeOffset Modstamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Entry <paramref name="i"/> of the index.</summary>
    public static IdentityEntry Entry(int i)
    {
        var lead = i % 10 == 9;
        return new IdentityEntry(
            SalesforceIdOf(lead ? "00Q" : "003", i),
            lead ? IdentityObject.Lead : IdentityObject.Contact,
            Email(i),
            Phone(i),
            ExternalIdOf(i),
            IsConverted: false,
            ConvertedContactId: null,
            Modstamp);
    }

    /// <summary>The entries 0 to <paramref name="count"/> − 1.</summary>
    public static IEnumerable<IdentityEntry> Entries(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Entry(i);
        }
    }

    public static string Email(int i) => string.Create(CultureInfo.InvariantCulture, $"shopper{i}@example.com");

    public static string Phone(int i) => string.Create(CultureInfo.InvariantCulture, $"+1416{i:0000000}");

    public static string ExternalIdOf(int i) => string.Create(CultureInfo.InvariantCulture, $"{AccountId}-{i}");

    /// <summary>An 18-character id: key prefix, the number in base 10 padded to 15 characters, the checksum.</summary>
    public static string SalesforceIdOf(string prefix, int i)
    {
        var id15 = prefix + i.ToString("D12", CultureInfo.InvariantCulture);
        return id15 + SalesforceId.Checksum(id15);
    }
}
