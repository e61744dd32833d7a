using System.Globalization;

namespace Lightbridge.Emulators.Lightspeed.Tests.Http;

public sealed class QueryTests
{
    private static EmulatorSession _s = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _s = await EmulatorSession.StartAsync(o => o.Customers = 300);

    [OneTimeTearDown]
    public async Task StopAsync() => await _s.DisposeAsync();

    private static async Task<List<int>> IdsAsync(string entity, string query)
    {
        var r = await _s.GetAsync($"{_s.AccountPath}/{entity}.json?{query}");
        Assert.That(r.Status, Is.EqualTo(200), r.Body);
        var idField = char.ToLowerInvariant(entity[0]) + entity[1..] + "ID";
        return r.Rows(entity).Select(e => int.Parse(e.GetProperty(idField).GetString()!, CultureInfo.InvariantCulture)).ToList();
    }

    [TestCase("customerID=%3E%2C290", new[] { 291, 292, 293, 294, 295, 296, 297, 298, 299, 300 })]
    [TestCase("customerID=%3E%3D%2C299", new[] { 299, 300 })]
    [TestCase("customerID=%3C%2C3", new[] { 1, 2 })]
    [TestCase("customerID=%3C%3D%2C2", new[] { 1, 2 })]
    [TestCase("customerID=%3E%3C%2C10%2C12", new[] { 10, 11, 12 })]
    [TestCase("customerID=IN%2C%5B5%2C7%2C9%5D", new[] { 5, 7, 9 })]
    [TestCase("customerID=7", new[] { 7 })]
    public async Task Filter_IdOperators_SelectExpectedRows(string query, int[] expected)
    {
        var ids = await IdsAsync("Customer", query + "&archived=true");
        Assert.That(ids, Is.EqualTo(expected));
    }

    [Test]
    public async Task Filter_NotEqual_ExcludesOnlyThatRow()
    {
        var ids = await IdsAsync("Customer", "customerID=!%3D%2C1&customerID=%3C%2C5&archived=true");
        Assert.That(ids, Is.EqualTo(new[] { 2, 3, 4 }));
    }

    [Test]
    public async Task Filter_LikeAndNotLike_SplitTheSet()
    {
        var all = await IdsAsync("Item", "archived=true");
        var like = await IdsAsync("Item", "archived=true&description=~%2C%25sock%25");
        var notLike = await IdsAsync("Item", "archived=true&description=!~%2C%25sock%25");
        Assert.That(like, Is.Not.Empty);
        Assert.That(like.Concat(notLike).Order(), Is.EqualTo(all));
    }

    [Test]
    public async Task Filter_TimeStampGreaterOrEqual_MatchesEncodedOffset()
    {
        var page = await _s.GetAsync($"{_s.AccountPath}/Sale.json?timeStamp=%3E%3D%2C2026-09-01T00%3A00%3A00%2B00%3A00");
        Assert.That(page.Status, Is.EqualTo(200));
        Assert.That(page.Rows("Sale"), Is.Not.Empty);
        Assert.That(page.Rows("Sale").All(s => string.CompareOrdinal(s.GetProperty("timeStamp").GetString(), "2026-09-01T00:00:00+00:00") >= 0));
    }

    [Test]
    public async Task Filter_UnencodedPlusInOffset_Returns400()
    {
        // '+' decodes as a space, exactly the bug the reference warns about (section 4).
        var r = await _s.GetAsync($"{_s.AccountPath}/Sale.json?timeStamp=%3E%3D%2C2026-09-01T00%3A00%3A00+00%3A00");
        Assert.That(r.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task Filter_UnknownField_Returns400()
    {
        var r = await _s.GetAsync($"{_s.AccountPath}/Customer.json?favouriteColour=blue");
        Assert.That(r.Status, Is.EqualTo(400));
        Assert.That(r.Json.GetProperty("message").GetString(), Does.Contain("favouriteColour"));
    }

    [Test]
    public async Task Or_WithEncodedEquals_MatchesEitherOperand()
    {
        var ids = await IdsAsync("Customer", "archived=true&or=customerID%3D3|customerID%3D8");
        Assert.That(ids, Is.EqualTo(new[] { 3, 8 }));
    }

    [Test]
    public async Task Archived_Modes_PartitionTheCustomers()
    {
        var count = async (string q) => int.Parse((await _s.GetAsync($"{_s.AccountPath}/Customer.json?count=1&{q}")).Json.GetProperty("@attributes").GetProperty("count").GetString()!, CultureInfo.InvariantCulture);
        var active = await count("");
        var both = await count("archived=true");
        var only = await count("archived=only");
        Assert.That(only, Is.GreaterThan(0));
        Assert.That(active + only, Is.EqualTo(both));
        Assert.That(both, Is.EqualTo(300));
        Assert.That(await count("archived=false"), Is.EqualTo(active));
    }

    [Test]
    public async Task Sort_NotSortable_Returns400ListingAllowedFields()
    {
        var r = await _s.GetAsync($"{_s.AccountPath}/Customer.json?sort=company");
        Assert.That(r.Status, Is.EqualTo(400));
        Assert.That(r.Json.GetProperty("message").GetString(), Does.Contain("customerID, timeStamp, firstName, lastName"));
    }

    [Test]
    public async Task Sort_Descending_ReversesOrder()
    {
        var ids = await IdsAsync("Customer", "sort=-customerID&limit=3&archived=true");
        Assert.That(ids, Is.EqualTo(new[] { 300, 299, 298 }));
    }

    [Test]
    public async Task Sort_ByTimeStamp_IsNonDecreasing()
    {
        var r = await _s.GetAsync($"{_s.AccountPath}/Sale.json?sort=timeStamp&limit=50");
        var stamps = r.Rows("Sale").Select(s => s.GetProperty("timeStamp").GetString()).ToList();
        Assert.That(stamps, Is.Ordered.Using((IComparer<string?>)StringComparer.Ordinal));
        Assert.That(r.Next, Does.Contain("sort=timeStamp"));
    }

    [Test]
    public async Task Limit_AboveHundred_IsCappedAtHundred()
    {
        Assert.That(await IdsAsync("Customer", "limit=500&archived=true"), Has.Count.EqualTo(100));
        Assert.That(await IdsAsync("Customer", "archived=true"), Has.Count.EqualTo(100));
    }

    [Test]
    public async Task Count_ReturnsOnlyTheCount()
    {
        var r = await _s.GetAsync($"{_s.AccountPath}/Customer.json?count=1&archived=true");
        Assert.That(r.Body, Is.EqualTo("{\"@attributes\":{\"count\":\"300\"}}"));
        Assert.That(r.Header("X-LS-Api-Request-Cost"), Is.EqualTo("10"));
    }

    [TestCase("sort=customerID")]
    [TestCase("limit=10")]
    [TestCase("after=WzEwMF0%3D")]
    public async Task Count_WithPagingParameters_Returns400(string extra)
    {
        var r = await _s.GetAsync($"{_s.AccountPath}/Customer.json?count=1&{extra}");
        Assert.That(r.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task LoadRelations_PhpStyle_ReturnsEmptyResult()
    {
        var r = await _s.GetAsync($"{_s.AccountPath}/Sale.json?load_relations%5B0%5D=SaleLines&load_relations%5B1%5D=SalePayments");
        Assert.That(r.Status, Is.EqualTo(200));
        Assert.That(r.Body, Is.EqualTo("{\"@attributes\":{\"next\":\"\",\"previous\":\"\"}}"));
    }

    [Test]
    public async Task LoadRelations_NotAJsonArray_Returns400()
    {
        var r = await _s.GetAsync($"{_s.AccountPath}/Sale.json?load_relations=SaleLines");
        Assert.That(r.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task LoadRelations_All_LoadsEverything()
    {
        var r = await _s.GetAsync($"{_s.AccountPath}/Customer/7.json?load_relations=all");
        Assert.That(r.Json.GetProperty("Customer").TryGetProperty("Contact", out _), Is.True);
    }

    [Test]
    public async Task RelationFilter_ContactTimeStamp_NeedsRelationLoaded()
    {
        Assert.That((await _s.GetAsync($"{_s.AccountPath}/Customer.json?Contact.timeStamp=%3E%2C2020-01-01")).Status, Is.EqualTo(400));
        var ok = await _s.GetAsync($"{_s.AccountPath}/Customer.json?load_relations=%5B%22Contact%22%5D&Contact.timeStamp=%3E%2C2020-01-01");
        Assert.That(ok.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task UnknownEntity_Returns404()
    {
        Assert.That((await _s.GetAsync($"{_s.AccountPath}/Vendor.json")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task OtherAccount_Returns403()
    {
        Assert.That((await _s.GetAsync("/API/V3/Account/1/Customer.json")).Status, Is.EqualTo(403));
    }
}
