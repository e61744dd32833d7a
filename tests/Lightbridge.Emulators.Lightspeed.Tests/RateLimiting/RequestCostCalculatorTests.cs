using Lightbridge.Emulators.Lightspeed.Endpoints;
using Lightbridge.Emulators.Lightspeed.Query;
using Lightbridge.Emulators.Lightspeed.RateLimiting;

namespace Lightbridge.Emulators.Lightspeed.Tests.RateLimiting;

public sealed class RequestCostCalculatorTests
{
    private static readonly IReadOnlyDictionary<string, IEntityEndpoint> Entities = EntityCatalog.Create();

    private static decimal Cost(string entity, string query, bool isList)
    {
        Assert.That(ListRequestParser.TryParse(Entities[entity], query, out var request, out var error), Is.True, error);
        return RequestCostCalculator.Compute(Entities[entity], request, isList);
    }

    [Test]
    public void Compute_PlainRequest_CostsOne() => Assert.That(Cost("Customer", "", true), Is.EqualTo(1m));

    [Test]
    public void Compute_ToOneOnSingleRecord_AddsPointOne() =>
        Assert.That(Cost("Customer", "?load_relations=%5B%22Contact%22%5D", false), Is.EqualTo(1.1m));

    [Test]
    public void Compute_ToOneOnList_IsDoubled() =>
        Assert.That(Cost("Customer", "?load_relations=%5B%22Contact%22%5D", true), Is.EqualTo(1.2m));

    [Test]
    public void Compute_TwoToManyOnList_AddsPointFourEach() =>
        Assert.That(Cost("Sale", "?load_relations=%5B%22SaleLines%22,%22SalePayments%22%5D", true), Is.EqualTo(1.8m));

    [Test]
    public void Compute_ToOneNestedUnderToManyOnList_IsDoubledTwice() =>
        // SaleLines (0.2 x2) + SaleLines.Item (0.1 x2 nested x2 list) = 0.4 + 0.4.
        Assert.That(Cost("Sale", "?load_relations=%5B%22SaleLines.Item%22%5D", true), Is.EqualTo(1.8m));

    [Test]
    public void Compute_Count_CostsTen() => Assert.That(Cost("Sale", "?count=1", true), Is.EqualTo(10m));

    [Test]
    public void Compute_OrAcrossFields_AddsOnePerOperand() =>
        Assert.That(Cost("Customer", "?or=firstName%3DEmma|lastName%3DSmith", true), Is.EqualTo(3m));
}
