using Lightbridge.Core.Model;
using Lightbridge.Lightspeed;
using Lightbridge.Sync.Normalization;

namespace Lightbridge.Cli.Commands.Demo;

/// <summary>
/// Gives the emulated org its history: reads the generated Lightspeed customers (through the real client, on a token
/// chain of its own, as a second authorized app would), plans the messy Contacts and Leads from them, and creates them
/// through the org's save path (validation included). The Lightspeed emulator's counters are reset afterwards, so they
/// count the worker's requests only. Returns what was planted and the Lightspeed customer ids.
/// </summary>
internal static class MessyOrgSeeder
{
    /// <summary>The region phones are read in, as the worker's <c>Matching:DefaultRegion</c> default.</summary>
    private const string Region = "US";

    public static async Task<(SeededOrg Planted, IReadOnlyList<int> CustomerIds)> SeedAsync(DemoEmulators emulators, int seed, HttpClient http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        var lightspeed = emulators.Lightspeed;
        var options = new LightspeedClientOptions
        {
            BaseUrl = lightspeed.BaseUrl,
            TokenUrl = lightspeed.TokenUrl,
            AccountId = lightspeed.AccountId,
            ClientId = lightspeed.ClientId,
            ClientSecret = lightspeed.ClientSecret,
        };
        var customers = new List<Customer>();
        using (var reader = new LightspeedClient(http, options, new InMemoryLightspeedTokenStore(lightspeed.Control.IssueRefreshToken()), TimeProvider.System))
        {
            await foreach (var customer in reader.GetCustomersAsync(new LightspeedQuery(), ct).ConfigureAwait(false))
            {
                customers.Add(customer);
            }
        }

        lightspeed.Control.ResetCounters();
        var plan = MessyOrgPlan.Build(customers, lightspeed.AccountId, seed, new LibPhoneNumberNormalizer(), Region);
        var control = emulators.Salesforce.Control;
        var contactIds = plan.Contacts.Count > 0 ? control.LoadRecords("Contact", plan.Contacts) : [];
        var leads = plan.Leads.Select(l =>
        {
            if (l.ConvertedContact is { } index)
            {
                l.Lead["IsConverted"] = true;
                l.Lead["ConvertedContactId"] = contactIds[index];
            }

            return l.Lead;
        }).ToList();
        if (leads.Count > 0)
        {
            control.LoadRecords("Lead", leads);
        }

        return (plan.Planted, customers.Select(c => int.Parse(c.Id.Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList());
    }
}
