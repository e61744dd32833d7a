using Lightbridge.Core.Reconciliation;

namespace Lightbridge.Core.Tests.Reconciliation;

[TestFixture]
public sealed class DuplicateClusterTests
{
    [Test]
    public void Find_SharedEmailAndPhone_OneClusterPerKey_ConvertedLeadsLeftOut()
    {
        var records = new[]
        {
            new IdentityRecord("00Q000000000001AAA", "Lead", "ann@example.com", [], false),
            new IdentityRecord("003000000000001AAA", "Contact", "ann@example.com", ["+14165550199"], false),
            new IdentityRecord("003000000000002AAA", "Contact", null, ["+14165550199"], false),
            new IdentityRecord("00Q000000000002AAA", "Lead", "ann@example.com", [], true),
            new IdentityRecord("003000000000003AAA", "Contact", "bob@example.com", ["+14165550100", "+14165550100"], false),
        };

        var clusters = DuplicateCluster.Find(records);

        Assert.Multiple(() =>
        {
            Assert.That(clusters.Select(c => (c.KeyKind, c.Key)), Is.EqualTo(new[] { ("Email", "ann@example.com"), ("Phone", "+14165550199") }));
            Assert.That(clusters[0].Records.Select(r => r.Id), Is.EqualTo(new[] { "003000000000001AAA", "00Q000000000001AAA" }), "Contacts first; the converted Lead is its Contact, not a duplicate");
            Assert.That(clusters[1].Records.Select(r => r.Id), Is.EqualTo(new[] { "003000000000001AAA", "003000000000002AAA" }));
        });
    }

    [Test]
    public void Find_RecordHoldingOneNumberTwice_IsNoCluster()
    {
        var records = new[] { new IdentityRecord("003000000000003AAA", "Contact", null, ["+14165550100", "+14165550100"], false) };

        Assert.That(DuplicateCluster.Find(records), Is.Empty);
    }
}
