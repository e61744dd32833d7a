using Lightbridge.Core.Model;

namespace Lightbridge.Lightspeed.Tests.EndToEnd;

/// <summary>V3 cursor paging over more than a thousand records, with the data changing under the reader.</summary>
[TestFixture]
public sealed class PagingTests
{
    [Test]
    public async Task GetCustomers_1200RecordsEditedBetweenPages_EachSeenExactlyOnce()
    {
        await using var account = await EmulatedAccount.StartAsync(o => o.Customers = 1_200);
        var control = account.Emulator.Control;
        var query = new LightspeedQuery().Archived(ArchivedFilter.Include).SortBy("customerID");
        var seen = new List<LightspeedId>();
        var editedAhead = new List<int>();

        await foreach (var customer in account.Client.GetCustomersAsync(query))
        {
            seen.Add(customer.Id);
            if (seen.Count % 100 == 50)
            {
                // Between pages: edit a record already read and one not read yet. A keyset cursor
                // must neither skip nor repeat either of them.
                control.EditCustomer(Number(seen[seen.Count / 2]));
                editedAhead.Add(control.EditCustomer(Math.Min(Number(customer.Id) + 120, 1_200)));
            }
        }

        Assert.That(seen, Has.Count.EqualTo(1_200));
        Assert.That(seen.Distinct().Count(), Is.EqualTo(1_200));
        Assert.That(editedAhead, Is.Not.Empty);
    }

    [Test]
    public async Task GetSales_SalesAddedWhilePaging_OldOnesSeenOnceAndNewOnesAtTheEnd()
    {
        await using var account = await EmulatedAccount.StartAsync(o => { o.Sales = 1_050; o.Customers = 200; });
        var control = account.Emulator.Control;
        var seen = new List<LightspeedId>();
        var added = new List<int>();

        await foreach (var sale in account.Client.GetSalesAsync(new LightspeedQuery().SortBy("saleID")))
        {
            seen.Add(sale.Id);
            if (seen.Count % 100 == 1 && added.Count < 5)
            {
                added.Add(control.AddSale());
            }
        }

        Assert.That(seen.Distinct().Count(), Is.EqualTo(seen.Count), "no sale repeated");
        Assert.That(seen, Has.Count.EqualTo(1_050 + added.Count), "every sale, old and new, read once");
        Assert.That(seen.TakeLast(added.Count).Select(Number), Is.EqualTo(added));
    }

    [Test]
    public async Task GetCustomers_Cancelled_StopsBetweenPages()
    {
        await using var account = await EmulatedAccount.StartAsync(o => o.Customers = 600);
        using var cts = new CancellationTokenSource();
        var read = 0;

        Assert.That(async () =>
        {
            await foreach (var unused in account.Client.GetCustomersAsync(ct: cts.Token))
            {
                if (++read == 150)
                {
                    await cts.CancelAsync();
                }
            }
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(read, Is.LessThan(300));
    }

    private static int Number(LightspeedId id) => int.Parse(id.Value, System.Globalization.CultureInfo.InvariantCulture);
}
