using System.Text.Json;

namespace Lightbridge.Cli.Tests.Chaos;

/// <summary>The checker's customer groups: shared emails and phones join customers, and a join outlives the edit that undoes it.</summary>
[TestFixture]
public sealed class CustomerGroupsTests
{
    private static JsonElement Customer(string id, string email, string phone) => JsonDocument.Parse(
        "{\"customerID\":\"" + id + "\",\"Contact\":{\"Emails\":{\"ContactEmail\":{\"address\":\"" + email + "\",\"useType\":\"Primary\"}},"
        + "\"Phones\":{\"ContactPhone\":[{\"number\":\"" + phone + "\",\"useType\":\"Home\"}]}}}").RootElement.Clone();

    private static string Ext(JsonElement customer) => "1-" + customer.GetProperty("customerID").GetString();

    [Test]
    public void Build_SharedEmailOrPhone_JoinsCustomers()
    {
        var groups = CustomerGroups.Build(
            [Customer("1", "a@example.org", "416 555 0101"), Customer("2", " A@EXAMPLE.ORG", "416 555 0102"), Customer("3", "c@example.org", "(416) 555-0102"), Customer("4", "d@example.org", "416 555 0104")],
            Ext);

        Assert.That(groups.Members("1-1"), Is.EquivalentTo(new[] { "1-1", "1-2", "1-3" }));
        Assert.That(groups.Members("1-4"), Is.EquivalentTo(new[] { "1-4" }));
    }

    [Test]
    public void Add_LaterSnapshotWhereTheyDiffer_KeepsTheEarlierFold()
    {
        var groups = CustomerGroups.Build([Customer("1", "a@example.org", "416 555 0101"), Customer("2", "a@example.org", "416 555 0102")], Ext);

        groups.Add([Customer("1", "a@example.org", "416 555 0101"), Customer("2", "2.updated@example.org", "416 555 0102"), Customer("3", "c@example.org", "416 555 0103")], Ext);

        Assert.That(groups.Members("1-2"), Is.EquivalentTo(new[] { "1-1", "1-2" }));
        Assert.That(groups.Members("1-3"), Is.EquivalentTo(new[] { "1-3" }));
    }
}
