using Lightbridge.Core.Model;
using static Lightbridge.XSeries.Tests.Support.XSeriesHarness;

namespace Lightbridge.XSeries.Tests.Mapping;

/// <summary>X-Series customers read over HTTP into canonical customers.</summary>
public sealed class CustomerMappingTests
{
    private const string Full = """
        {"id":"06f2e29c-2544-11ee-efde-0ee40e148f72","customer_code":"ANNA-0001","first_name":" Anna ","last_name":"Lee",
         "company_name":"Lee Bikes","email":"Anna.Lee@Example.com","phone":"(04) 384 1234","mobile":"+64 21 555 0101","fax":"",
         "date_of_birth":"1984-06-21","physical_address_1":"12 Cuba Street","physical_address_2":null,"physical_suburb":"Te Aro",
         "physical_city":"Wellington","physical_postcode":"6011","physical_state":"Wellington","physical_country_id":"NZ",
         "postal_address_1":"PO Box 1","created_at":"2023-06-19T20:24:44+00:00","updated_at":"2024-01-02T03:04:05+00:00",
         "deleted_at":null,"version":3001}
        """;

    private const string Deleted = """
        {"id":"c-deleted","first_name":"Gone","email":null,"phone":null,"mobile":null,"date_of_birth":"1990-02-03T00:00:00+00:00",
         "physical_address_1":"","deleted_at":"2024-02-01T00:00:00+00:00","version":3002}
        """;

    [Test]
    public async Task GetCustomersAsync_FullRecord_MapsEveryField()
    {
        await using var harness = await StartAsync(request => request.Param("after") is null ? Page(Full, max: 3001) : EndPage());

        var customer = (await ToListAsync(harness.Client.GetCustomersAsync(null))).Single();

        Assert.That(customer.Id, Is.EqualTo(new LightspeedId("06f2e29c-2544-11ee-efde-0ee40e148f72")));
        Assert.That((customer.FirstName, customer.LastName, customer.Company), Is.EqualTo(("Anna", "Lee", "Lee Bikes")));
        Assert.That(customer.DateOfBirth, Is.EqualTo(new DateOnly(1984, 6, 21)));
        Assert.That(customer.Emails, Is.EqualTo(new[] { new CustomerEmail("Anna.Lee@Example.com", EmailUseType.Primary) }));
        Assert.That(customer.Phones, Is.EqualTo(new[]
        {
            new CustomerPhone("(04) 384 1234", PhoneUseType.Home),
            new CustomerPhone("+64 21 555 0101", PhoneUseType.Mobile),
        }), "a blank fax is no number");
        Assert.That(customer.Address, Is.EqualTo(new PostalAddress("12 Cuba Street", "Te Aro", "Wellington", "Wellington", null, "6011", null, "NZ")));
        Assert.That(customer.Archived, Is.False);
        Assert.That(customer.CreatedAt, Is.EqualTo(new DateTimeOffset(2023, 6, 19, 20, 24, 44, TimeSpan.Zero)));
        Assert.That(customer.UpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        Assert.That(customer.ContactUpdatedAt, Is.Null);
        Assert.That(customer.ChangeVersion, Is.EqualTo(3001));
    }

    [Test]
    public async Task GetCustomersAsync_DeletedRecord_ComesArchivedWithoutContactData()
    {
        await using var harness = await StartAsync(request => request.Param("after") is null ? Page(Deleted, max: 3002) : EndPage());

        var customer = (await ToListAsync(harness.Client.GetCustomersAsync(null))).Single();

        Assert.That(customer.Archived, Is.True);
        Assert.That(customer.Emails, Is.Empty);
        Assert.That(customer.Phones, Is.Empty);
        Assert.That(customer.Address, Is.Null, "an address of blanks is no address");
        Assert.That(customer.DateOfBirth, Is.EqualTo(new DateOnly(1990, 2, 3)), "a timestamp birth date keeps the date it names");
        Assert.That(harness.Server.ApiRequests[0].Param("deleted"), Is.EqualTo("true"));
    }

    [Test]
    public async Task GetCustomerAsync_OneRecordInData_MapsIt()
    {
        await using var harness = await StartAsync(_ => Support.ScriptedResponse.Json($$"""{"data":{{Full}}}"""));

        var customer = await harness.Client.GetCustomerAsync(new LightspeedId("06f2e29c-2544-11ee-efde-0ee40e148f72"));

        Assert.That(customer!.LastName, Is.EqualTo("Lee"));
        Assert.That(customer.ChangeVersion, Is.EqualTo(3001));
    }
}
