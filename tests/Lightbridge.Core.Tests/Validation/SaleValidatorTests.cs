using Lightbridge.Core.Failures;
using Lightbridge.Core.Model;
using Lightbridge.Core.Normalization;
using Lightbridge.Core.Validation;
using static Lightbridge.Core.Tests.Normalization.Records;

namespace Lightbridge.Core.Tests.Validation;

public sealed class SaleValidatorTests
{
    private static IReadOnlyList<RecordFailure> Validate(Sale sale) => SaleValidator.Validate(SaleNormalizer.Normalize(sale, AccountContext()));

    [Test]
    public void Validate_CompleteSale_NoFailures()
    {
        Assert.That(Validate(Sale()), Is.Empty);
    }

    [Test]
    public void Validate_NoShop_FailsSaleNeedsShop()
    {
        var failure = Validate(Sale(shop: null)).Single();

        Assert.That(failure.Rule, Is.EqualTo(ValidationRules.SaleNeedsShop));
        Assert.That(failure.Entity, Is.EqualTo(SyncEntity.Sale));
        Assert.That(failure.LightspeedId, Is.EqualTo(Id("42")));
        Assert.That(failure.Field, Is.EqualTo(nameof(Lightbridge.Core.Model.Sale.ShopId)));
        Assert.That(failure.Message, Does.Contain("Sale 42"));
        Assert.That(failure.IsBlocking, Is.True);
    }

    [Test]
    public void Validate_MalformedAmount_FailsMoneyParsesNamingTheRecordAndField()
    {
        var failure = Validate(Sale() with { MalformedFields = ["calcTotal"] }).Single();

        Assert.That(failure.Rule, Is.EqualTo(ValidationRules.MoneyParses));
        Assert.That(failure.Field, Is.EqualTo("calcTotal"));
        Assert.That(failure.Message, Does.Contain("Sale 42").And.Contain("calcTotal"));
        Assert.That(failure.IsBlocking, Is.True);
    }

    [Test]
    public void Validate_MalformedLineAmount_FailsTheLineByItsOwnId()
    {
        var sale = Sale();
        var line = sale.Lines[0] with { MalformedFields = ["unitQuantity"] };
        var failure = Validate(sale with { Lines = [line, .. sale.Lines.Skip(1)] }).Single();

        Assert.That(failure.Rule, Is.EqualTo(ValidationRules.MoneyParses));
        Assert.That(failure.Entity, Is.EqualTo(SyncEntity.SaleLine));
        Assert.That(failure.LightspeedId, Is.EqualTo(line.Id));
        Assert.That(failure.Field, Is.EqualTo("unitQuantity"));
    }

    [Test]
    public void Validate_NoTime_FailsSaleNeedsTime()
    {
        var failure = Validate(Sale() with { CompletedAt = null, CreatedAt = null }).Single();

        Assert.That(failure.Rule, Is.EqualTo(ValidationRules.SaleNeedsTime));
    }

    [Test]
    public void Validate_OpenSale_FailsSaleNotCompleted()
    {
        Assert.That(Validate(Sale(status: SaleStatus.Open)).Select(f => f.Rule), Is.EqualTo(new[] { ValidationRules.SaleNotCompleted }));
    }

    [Test]
    public void Validate_VoidedSale_Valid()
    {
        Assert.That(Validate(Sale(status: SaleStatus.Voided)), Is.Empty);
    }

    [Test]
    public void Validate_LineWithoutQuantity_FailsOnTheLine()
    {
        var failure = Validate(Sale(lines: [Line("100"), Line("101", quantity: 0)])).Single();

        Assert.That(failure.Rule, Is.EqualTo(ValidationRules.LineNeedsQuantity));
        Assert.That(failure.Entity, Is.EqualTo(SyncEntity.SaleLine));
        Assert.That(failure.LightspeedId, Is.EqualTo(Id("101")));
        Assert.That(failure.Message, Does.Contain("SaleLine 101").And.Contain("sale 42"));
    }

    [Test]
    public void Validate_ChildOfAnotherSale_FailsChildBelongsToSale()
    {
        var failures = Validate(Sale(lines: [Line("100", saleId: "43")], payments: [Payment("200", saleId: "44")]));

        Assert.That(failures.Select(f => (f.Entity, f.Rule)), Is.EquivalentTo(new[]
        {
            (SyncEntity.SaleLine, ValidationRules.ChildBelongsToSale),
            (SyncEntity.SalePayment, ValidationRules.ChildBelongsToSale),
        }));
    }

    [Test]
    public void Validate_TotalBeyondCurrencyField_FailsAmountOutOfRange()
    {
        var failure = Validate(Sale(total: 1_000_000_000_000_000m)).Single();

        Assert.That(failure.Rule, Is.EqualTo(ValidationRules.AmountOutOfRange));
        Assert.That(failure.Field, Is.EqualTo(nameof(Lightbridge.Core.Model.Sale.Total)));
    }

    [Test]
    public void Validate_TicketNumberTooLong_FailsFieldTooLong()
    {
        var failure = Validate(Sale() with { TicketNumber = new string('1', 41) }).Single();

        Assert.That(failure.Rule, Is.EqualTo(ValidationRules.FieldTooLong));
    }
}
