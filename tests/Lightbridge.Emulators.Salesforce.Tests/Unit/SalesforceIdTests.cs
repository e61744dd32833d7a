using Lightbridge.Emulators.Salesforce.Ids;

namespace Lightbridge.Emulators.Salesforce.Tests.Unit;

public sealed class SalesforceIdTests
{
    [Test]
    public void WithChecksum_DocumentedExample_AppendsCaseSafeSuffix() =>
        Assert.That(SalesforceId.WithChecksum("001A0000006Vm9r"), Is.EqualTo("001A0000006Vm9rIAC"));

    [Test]
    public void Create_Sequence_Gives18CharactersWithPrefixAndValidChecksum()
    {
        var id = SalesforceId.Create("003", 12345);
        Assert.Multiple(() =>
        {
            Assert.That(id, Has.Length.EqualTo(18));
            Assert.That(id, Does.StartWith("003"));
            Assert.That(SalesforceId.WithChecksum(id[..15]), Is.EqualTo(id));
            Assert.That(SalesforceId.Create("003", 12346), Is.Not.EqualTo(id));
        });
    }

    [Test]
    public void TryNormalize_FifteenCharacters_ReturnsEighteen()
    {
        Assert.That(SalesforceId.TryNormalize("001A0000006Vm9r", out var id), Is.True);
        Assert.That(id, Is.EqualTo("001A0000006Vm9rIAC"));
    }

    [TestCase("001A0000006Vm9rXXX")]
    [TestCase("not-an-id")]
    [TestCase("001A0000006Vm9")]
    public void TryNormalize_Invalid_ReturnsFalse(string value) =>
        Assert.That(SalesforceId.TryNormalize(value, out _), Is.False);

    [Test]
    public void HashPrefix_SameName_IsStableAndA0Style()
    {
        var prefix = SalesforceId.HashPrefix('a', "Lightspeed_Sale__c", 0);
        Assert.Multiple(() =>
        {
            Assert.That(SalesforceId.HashPrefix('a', "Lightspeed_Sale__c", 0), Is.EqualTo(prefix));
            Assert.That(prefix, Does.Match("^a[0-9][0-9A-Za-z]$"));
        });
    }
}
