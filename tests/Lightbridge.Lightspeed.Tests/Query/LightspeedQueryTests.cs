namespace Lightbridge.Lightspeed.Tests.Query;

public sealed class LightspeedQueryTests
{
    [Test]
    public void ToQueryString_TimestampCursor_EncodesOperatorCommaColonAndPlusOnce()
    {
        var since = new DateTimeOffset(2021, 10, 5, 14, 18, 46, TimeSpan.Zero);

        var query = new LightspeedQuery().Where("timeStamp", FilterOperator.GreaterThanOrEqual, since).ToQueryString();

        // The exact form Lightspeed's own next links use (shared/reference/lightspeed-api.md §4).
        Assert.That(query, Is.EqualTo("timeStamp=%3E%3D%2C2021-10-05T14%3A18%3A46%2B00%3A00"));
    }

    [Test]
    public void ToQueryString_InstantWithOffset_IsWrittenInUtc()
    {
        var local = new DateTimeOffset(2024, 1, 1, 9, 30, 0, TimeSpan.FromHours(-4));

        var query = new LightspeedQuery().Where("timeStamp", FilterOperator.GreaterThan, local).ToQueryString();

        Assert.That(Uri.UnescapeDataString(query), Is.EqualTo("timeStamp=>,2024-01-01T13:30:00+00:00"));
    }

    [TestCase(FilterOperator.Equal, "5", "itemID=5")]
    [TestCase(FilterOperator.NotEqual, "5", "itemID=%21%3D%2C5")]
    [TestCase(FilterOperator.GreaterThan, "5", "itemID=%3E%2C5")]
    [TestCase(FilterOperator.LessThan, "5", "itemID=%3C%2C5")]
    [TestCase(FilterOperator.LessThanOrEqual, "5", "itemID=%3C%3D%2C5")]
    [TestCase(FilterOperator.Like, "%shirt%", "itemID=~%2C%25shirt%25")]
    [TestCase(FilterOperator.NotLike, "a+b", "itemID=%21~%2Ca%2Bb")]
    public void ToQueryString_Operator_EncodesWireForm(FilterOperator op, string value, string expected)
    {
        Assert.That(new LightspeedQuery().Where("itemID", op, value).ToQueryString(), Is.EqualTo(expected));
    }

    [Test]
    public void ToQueryString_Between_TakesTwoValues()
    {
        var query = new LightspeedQuery().Where("itemID", FilterOperator.Between, "1", "10").ToQueryString();

        Assert.That(Uri.UnescapeDataString(query), Is.EqualTo("itemID=><,1,10"));
        Assert.That(query, Is.EqualTo("itemID=%3E%3C%2C1%2C10"));
    }

    [Test]
    public void ToQueryString_In_ListsValuesInBrackets()
    {
        var query = new LightspeedQuery().Where("itemID", FilterOperator.In, "1", "2", "3").ToQueryString();

        Assert.That(Uri.UnescapeDataString(query), Is.EqualTo("itemID=IN,[1,2,3]"));
    }

    [Test]
    public void Where_InWithMoreThan100Values_Throws()
    {
        var values = Enumerable.Range(1, 101).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.That(() => new LightspeedQuery().Where("itemID", FilterOperator.In, values), Throws.ArgumentException);
    }

    [Test]
    public void Where_BetweenWithOneValue_Throws()
    {
        Assert.That(() => new LightspeedQuery().Where("itemID", FilterOperator.Between, "1"), Throws.ArgumentException);
    }

    [Test]
    public void ToQueryString_LoadRelations_IsOneEncodedJsonArray()
    {
        var query = new LightspeedQuery().LoadRelations("SaleLines", "SalePayments", "SalePayments.PaymentType").ToQueryString();

        Assert.That(query, Is.EqualTo("load_relations=%5B%22SaleLines%22%2C%22SalePayments%22%2C%22SalePayments.PaymentType%22%5D"));
        Assert.That(query, Does.Not.Contain("load_relations[").And.Not.Contain("%25"));
    }

    [Test]
    public void LoadRelations_Repeated_KeepsEachOnce()
    {
        var query = new LightspeedQuery().LoadRelations("Contact").LoadRelations("Contact", "Note");

        Assert.That(query.Relations, Is.EqualTo(new[] { "Contact", "Note" }));
    }

    [Test]
    public void ToQueryString_Or_EncodesEachOperandWithEqualsAsPercent3D()
    {
        var query = new LightspeedQuery()
            .Or(LightspeedFilter.Create("description", FilterOperator.Equal, "foo"), LightspeedFilter.Create("description", FilterOperator.Equal, "bar"))
            .ToQueryString();

        Assert.That(query, Is.EqualTo("or=description%3Dfoo|description%3Dbar"));
    }

    [Test]
    public void ToQueryString_OrWithOperator_EncodesOperatorInsideOperand()
    {
        var query = new LightspeedQuery()
            .Or(
                LightspeedFilter.Create("timeStamp", FilterOperator.GreaterThanOrEqual, "2024-01-01T00:00:00+00:00"),
                LightspeedFilter.Create("ItemShops.timeStamp", FilterOperator.GreaterThanOrEqual, "2024-01-01T00:00:00+00:00"))
            .ToQueryString();

        Assert.That(
            query,
            Is.EqualTo("or=timeStamp%3D%3E%3D%2C2024-01-01T00%3A00%3A00%2B00%3A00|ItemShops.timeStamp%3D%3E%3D%2C2024-01-01T00%3A00%3A00%2B00%3A00"));
    }

    [TestCase(ArchivedFilter.Exclude, "archived=false")]
    [TestCase(ArchivedFilter.Include, "archived=true")]
    [TestCase(ArchivedFilter.Only, "archived=only")]
    public void ToQueryString_Archived_UsesWireWord(ArchivedFilter archived, string expected)
    {
        Assert.That(new LightspeedQuery().Archived(archived).ToQueryString(), Is.EqualTo(expected));
    }

    [Test]
    public void ToQueryString_SortDescendingAndLimit_AreWritten()
    {
        var query = new LightspeedQuery().SortBy("timeStamp", descending: true).Limit(50).ToQueryString();

        Assert.That(query, Is.EqualTo("sort=-timeStamp&limit=50"));
    }

    [TestCase(0)]
    [TestCase(101)]
    public void Limit_OutsideOneTo100_Throws(int limit)
    {
        Assert.That(() => new LightspeedQuery().Limit(limit), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ToQueryString_Everything_JoinsInStableOrder()
    {
        var query = new LightspeedQuery()
            .Where("timeStamp", FilterOperator.GreaterThanOrEqual, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))
            .Archived(ArchivedFilter.Include)
            .SortBy("timeStamp")
            .Limit(100)
            .LoadRelations("Contact")
            .ToQueryString();

        Assert.That(
            query,
            Is.EqualTo("timeStamp=%3E%3D%2C2024-01-01T00%3A00%3A00%2B00%3A00&archived=true&sort=timeStamp&limit=100&load_relations=%5B%22Contact%22%5D"));
    }

    [Test]
    public void Clone_ExtendingTheCopy_LeavesTheOriginal()
    {
        var original = new LightspeedQuery().LoadRelations("Contact");

        var copy = original.Clone().LoadRelations("Note").Limit(10);

        Assert.That(original.ToQueryString(), Is.EqualTo("load_relations=%5B%22Contact%22%5D"));
        Assert.That(copy.ToQueryString(), Is.EqualTo("limit=10&load_relations=%5B%22Contact%22%2C%22Note%22%5D"));
    }

    [Test]
    public void ToQueryString_Empty_IsEmpty()
    {
        Assert.That(new LightspeedQuery().ToQueryString(), Is.Empty);
    }
}
