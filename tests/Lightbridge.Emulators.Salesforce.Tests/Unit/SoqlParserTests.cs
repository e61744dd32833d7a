using Lightbridge.Emulators.Salesforce.Soql;

namespace Lightbridge.Emulators.Salesforce.Tests.Unit;

public sealed class SoqlParserTests
{
    [Test]
    public void Parse_FullStatement_BuildsEveryClause()
    {
        var query = SoqlParser.Parse(
            "SELECT Id, Account.Name FROM Contact WHERE (Email = 'a@b.c' OR Email IN ('x', 'y')) AND NOT LastName LIKE 'Sm%' AND CreatedDate > 2024-01-01T00:00:00Z ORDER BY LastName DESC NULLS FIRST, Id LIMIT 10 OFFSET 5");
        Assert.Multiple(() =>
        {
            Assert.That(query.Select.Select(s => s.Field!.Text), Is.EqualTo(new[] { "Id", "Account.Name" }));
            Assert.That(query.From, Is.EqualTo("Contact"));
            Assert.That(query.Where, Is.TypeOf<SoqlLogical>());
            var and = (SoqlLogical)query.Where!;
            Assert.That(and.IsAnd, Is.True);
            Assert.That(and.Operands, Has.Count.EqualTo(3));
            Assert.That(and.Operands[0], Is.TypeOf<SoqlLogical>());
            Assert.That(and.Operands[1], Is.TypeOf<SoqlNot>());
            Assert.That(((SoqlComparison)and.Operands[2]).Values[0].Kind, Is.EqualTo(SoqlValueKind.DateTime));
            Assert.That(query.OrderBy[0].Descending, Is.True);
            Assert.That(query.OrderBy[0].NullsLast, Is.False);
            Assert.That(query.OrderBy[1].Descending, Is.False);
            Assert.That(query.Limit, Is.EqualTo(10));
            Assert.That(query.Offset, Is.EqualTo(5));
        });
    }

    [Test]
    public void Parse_AggregatesWithAliases_AndGroupBy()
    {
        var query = SoqlParser.Parse("SELECT Store__c, SUM(Total__c) total, COUNT(Id) FROM Sale__c WHERE Sale_Date__c = LAST_N_DAYS:7 GROUP BY Store__c");
        Assert.Multiple(() =>
        {
            Assert.That(query.IsAggregate, Is.True);
            Assert.That(query.Select[1].Function, Is.EqualTo("SUM"));
            Assert.That(query.Select[1].Alias, Is.EqualTo("total"));
            Assert.That(query.Select[2].Alias, Is.Null);
            Assert.That(((SoqlComparison)query.Where!).Values[0].N, Is.EqualTo(7));
            Assert.That(query.GroupBy.Single().Text, Is.EqualTo("Store__c"));
        });
    }

    [Test]
    public void Parse_CountOnly_IsCountQuery() =>
        Assert.That(SoqlParser.Parse("select count() from Account where Name != null").IsCountOnly, Is.True);

    [Test]
    public void Parse_MixedAndOrWithoutParentheses_IsMalformedAtTheOperator()
    {
        var ex = Assert.Throws<SoqlException>(() => SoqlParser.Parse("SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.ErrorCode, Is.EqualTo("MALFORMED_QUERY"));
            Assert.That(ex.Message, Does.Contain("ERROR at Row:1:Column:56"));
            Assert.That(ex.Message, Does.EndWith("unexpected token: OR"));
        });
    }

    [TestCase("SELECT Id FROM", "unexpected token: <EOF>")]
    [TestCase("SELECT FROM Account", "unexpected token: FROM")]
    [TestCase("SELECT Id FROM Account WHERE Name = 'x", "unterminated string")]
    [TestCase("SELECT Id FROM Account LIMIT ten", "unexpected token: ten")]
    [TestCase("SELECT Id, COUNT() FROM Account", "COUNT() may only be used by itself")]
    [TestCase("SELECT Id FROM Account WHERE Name IN 'x'", "unexpected token: 'x'")]
    public void Parse_Malformed_ReportsTheOrgMessage(string soql, string expected)
    {
        var ex = Assert.Throws<SoqlException>(() => SoqlParser.Parse(soql));
        Assert.That(ex!.Message, Does.Contain(expected.Replace("'x'", "x", StringComparison.Ordinal)));
    }

    [Test]
    public void Parse_StringEscapes_AreDecoded()
    {
        var query = SoqlParser.Parse(@"SELECT Id FROM Contact WHERE LastName = 'O\'Brien'");
        Assert.That(((SoqlComparison)query.Where!).Values[0].Text, Is.EqualTo("O'Brien"));
    }
}
