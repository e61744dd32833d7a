using System.Globalization;
using System.Text.Json.Nodes;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// The Contacts and Leads an org has before Lightbridge arrives, drawn from the seed: some are the same shoppers as
/// Lightspeed customers, typed differently (email in another case, phone in another format), some
/// were converted from Leads, some shoppers were entered twice, a few carry an external id from an earlier
/// integration, and the rest are unrelated prospects. Which customer gets which depends only on the seed and the
/// customers, so the same seed gives the same org.
/// </summary>
internal sealed class MessyOrgPlan
{
    private const string ExternalIdField = "Lightspeed_Customer_Id__c";
    private readonly Random _random;
    private readonly IPhoneNumberNormalizer _phones;
    private readonly string _region;
    private int _shoppers;

    private MessyOrgPlan(int seed, IPhoneNumberNormalizer phones, string region)
    {
        // A seed of its own: the org does not change when the emulator's generator draws differently.
#pragma warning disable CA5394 // Demo data, not security: a seeded generator is the point.
        _random = new Random(unchecked((seed * 7919) + 17));
#pragma warning restore CA5394
        _phones = phones;
        _region = region;
    }

    /// <summary>Contacts to create first (their ids are needed by converted Leads).</summary>
    public List<JsonObject> Contacts { get; } = [];

    /// <summary>Leads to create after the Contacts; a converted one names its Contact by index into <see cref="Contacts"/>.</summary>
    public List<(JsonObject Lead, int? ConvertedContact)> Leads { get; } = [];

    /// <summary>What was planted, for the report.</summary>
    public SeededOrg Planted { get; private set; } = SeededOrg.Empty;

    /// <summary>Plans the org for <paramref name="customers"/> of account <paramref name="accountId"/>.</summary>
    public static MessyOrgPlan Build(IReadOnlyList<Customer> customers, string accountId, int seed, IPhoneNumberNormalizer phones, string region)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var plan = new MessyOrgPlan(seed, phones, region);
        plan.Fill(customers.OrderBy(c => long.Parse(c.Id.Value, CultureInfo.InvariantCulture)).ToList(), accountId);
        return plan;
    }

    private void Fill(List<Customer> customers, string accountId)
    {
        // Each kind of history gets its share of the shoppers, at least one when there are enough: a small demo shows
        // every rule too. Shoppers are drawn in a seeded order, each for one kind only.
        var pool = customers.Where(c => !c.Archived).ToList();
        for (var i = pool.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        _shoppers = pool.Count;

        var emailTwins = Plant(pool, 8, c => c.Email is not null, c => Contacts.Add(Person(c.Customer, Messy(c.Email!), c.Phone is null ? null : Reformat(c.Phone))));
        var phoneLeads = Plant(pool, 4, c => c.Phone is not null, c => Leads.Add((Lead(c.Customer, email: null, Reformat(c.Phone!)), null)));
        var duplicates = Plant(pool, 2, c => c.Email is not null, c =>
        {
            // The same shopper entered twice: matching must not pick one, it holds the customer for a person to decide.
            Contacts.Add(Person(c.Customer, Messy(c.Email!), null));
            Contacts.Add(Person(c.Customer, c.Email!.ToUpperInvariant(), null));
        });
        var converted = Plant(pool, 2, c => c.Email is not null, c =>
        {
            // A Lead converted to a Contact that kept no email: the match on the Lead's email lands on its Contact.
            Contacts.Add(Person(c.Customer, null, null));
            Leads.Add((Lead(c.Customer, Messy(c.Email!), null), Contacts.Count - 1));
        });
        var externalIds = Plant(pool, 2, _ => true, c =>
        {
            // An earlier integration stamped the external id; the email has changed since.
            var contact = Person(c.Customer, c.Email is null ? null : "old." + c.Email, null);
            contact[ExternalIdField] = new ExternalId(new LightspeedId(accountId), c.Customer.Id).Value;
            Contacts.Add(contact);
        });

        var prospects = Math.Max(10, customers.Count / 10);
        for (var i = 0; i < prospects; i++)
        {
            var first = FirstNames[Next(FirstNames.Length)];
            var last = LastNames[Next(LastNames.Length)];
            var record = new JsonObject
            {
                ["FirstName"] = first,
                ["LastName"] = last,
                ["Email"] = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}.{i}@prospects.example.org").ToLowerInvariant(),
            };
            if (i % 2 == 0)
            {
                Contacts.Add(record);
            }
            else
            {
                record["Company"] = last + " Holdings";
                Leads.Add((record, null));
            }
        }

        Planted = new SeededOrg(Contacts.Count, Leads.Count, emailTwins, phoneLeads, duplicates, converted, externalIds, prospects);
    }

    /// <summary>
    /// Takes <paramref name="percent"/> of all shoppers (at least one) that <paramref name="fits"/> out of the pool and plants
    /// their history; returns how many.
    /// </summary>
    private int Plant(List<Customer> pool, int percent, Func<Shopper, bool> fits, Action<Shopper> plant)
    {
        var quota = Math.Max(1, _shoppers * percent / 100);
        var planted = 0;
        for (var i = 0; i < pool.Count && planted < quota;)
        {
            var shopper = ShopperOf(pool[i]);
            if (!fits(shopper))
            {
                i++;
                continue;
            }

            plant(shopper);
            pool.RemoveAt(i);
            planted++;
        }

        return planted;
    }

    /// <summary>A customer with the email and phone the org's copy is made from, normalized.</summary>
    private Shopper ShopperOf(Customer customer) => new(
        customer,
        customer.Emails.Select(e => EmailNormalizer.Normalize(e.Address).Email?.Value).FirstOrDefault(e => e is not null),
        customer.Phones.Select(p => _phones.Normalize(p.Number, _region).Number).FirstOrDefault(n => n is not null));

    /// <summary>A customer with its first valid email and phone.</summary>
    private sealed record Shopper(Customer Customer, string? Email, PhoneNumber? Phone);

    private static JsonObject Person(Customer customer, string? email, string? phone)
    {
        var record = new JsonObject { ["FirstName"] = customer.FirstName, ["LastName"] = customer.LastName ?? "Unknown" };
        if (email is not null)
        {
            record["Email"] = email;
        }

        if (phone is not null)
        {
            record["Phone"] = phone;
        }

        return record;
    }

    private static JsonObject Lead(Customer customer, string? email, string? phone)
    {
        var record = Person(customer, email, phone);
        record["Company"] = customer.Company ?? "Walk-in prospect";
        return record;
    }

    /// <summary>
    /// The email as somebody else typed it: in other letter case. (Stray spaces come from the Lightspeed side, where the
    /// POS keeps what was typed; the org refuses an email with spaces, so its copy never has them.)
    /// </summary>
    private string Messy(string email) => Next(3) switch
    {
        0 => email.ToUpperInvariant(),
        1 => char.ToUpperInvariant(email[0]) + email[1..],
        _ => email[..email.IndexOf('@', StringComparison.Ordinal)] + email[email.IndexOf('@', StringComparison.Ordinal)..].ToUpperInvariant(),
    };

    /// <summary>The phone in a format other than E.164, as a sales rep would type it.</summary>
    private string Reformat(PhoneNumber phone)
    {
        var e164 = phone.Value;
        if (e164.StartsWith("+1", StringComparison.Ordinal) && e164.Length == 12)
        {
            var digits = e164[2..];
            return Next(3) switch
            {
                0 => $"({digits[..3]}) {digits[3..6]}-{digits[6..]}",
                1 => $"{digits[..3]}.{digits[3..6]}.{digits[6..]}",
                _ => $"+1 {digits[..3]} {digits[3..6]} {digits[6..]}",
            };
        }

        return e164[..3] + " " + e164[3..];
    }

#pragma warning disable CA5394 // Demo data, not security.
    private int Next(int below) => _random.Next(below);
#pragma warning restore CA5394

    private static readonly string[] FirstNames = ["Avery", "Jordan", "Riley", "Morgan", "Casey", "Quinn", "Harper", "Rowan", "Emerson", "Sage"];

    private static readonly string[] LastNames = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Castillo", "Novak", "Brennan", "Haddad", "Iyer", "Kowalski"];
}
