using Lightbridge.Emulators.Salesforce.Formulas;

namespace Lightbridge.Emulators.Salesforce.Tests.Unit;

public sealed class FormulaTests
{
    private static object? Eval(string formula, Dictionary<string, object?> record) =>
        FormulaParser.Parse(formula).Evaluate(name => record.GetValueOrDefault(name));

    [Test]
    public void Evaluate_AndWithComparison_UsesFieldValues()
    {
        var record = new Dictionary<string, object?> { ["Is_Refund__c"] = true, ["Total__c"] = 5m };
        Assert.Multiple(() =>
        {
            Assert.That(Eval("AND(Is_Refund__c, Total__c > 0)", record), Is.EqualTo(true));
            Assert.That(Eval("AND(Is_Refund__c, Total__c < 0)", record), Is.EqualTo(false));
        });
    }

    [Test]
    public void Evaluate_IspickvalIsblankAndOperators_Work()
    {
        var record = new Dictionary<string, object?> { ["Status__c"] = "Voided", ["Note__c"] = null, ["Qty__c"] = 3m };
        Assert.Multiple(() =>
        {
            Assert.That(Eval("ISPICKVAL(Status__c, \"Voided\") && ISBLANK(Note__c)", record), Is.EqualTo(true));
            Assert.That(Eval("NOT(ISNULL(Status__c)) || false", record), Is.EqualTo(true));
            Assert.That(Eval("Qty__c * 2 + 1 >= 7", record), Is.EqualTo(true));
            Assert.That(Eval("Qty__c <> 3", record), Is.EqualTo(false));
            Assert.That(Eval("OR(Status__c = 'Completed', Qty__c == 4)", record), Is.EqualTo(false));
            Assert.That(Eval("LEN(Status__c) = 6", record), Is.EqualTo(true));
        });
    }

    [Test]
    public void Evaluate_ComparisonWithBlank_IsFalse() =>
        Assert.That(Eval("Total__c > 0", new Dictionary<string, object?> { ["Total__c"] = null }), Is.EqualTo(false));

    [TestCase("AND(a, ")]
    [TestCase("FOO(a)")]
    [TestCase("ISBLANK(a, b)")]
    [TestCase("'unterminated")]
    public void Parse_Malformed_Throws(string formula) =>
        Assert.That(() => FormulaParser.Parse(formula), Throws.TypeOf<FormulaException>());
}
