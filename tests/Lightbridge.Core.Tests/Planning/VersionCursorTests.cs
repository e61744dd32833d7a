using Lightbridge.Core.Planning;

namespace Lightbridge.Core.Tests.Planning;

public sealed class VersionCursorTests
{
    [Test]
    public void Advance_AllSettled_NewestVersion() =>
        Assert.That(VersionCursor.Advance(10, [(12, true), (17, true), (15, true)]), Is.EqualTo(17));

    [Test]
    public void Advance_OnePending_StopsBeforeIt_SoTheNextReadBringsItBack() =>
        Assert.That(VersionCursor.Advance(10, [(12, true), (15, false), (17, true)]), Is.EqualTo(12));

    [Test]
    public void Advance_FirstRecordPending_StaysWhereItWas() =>
        Assert.That(VersionCursor.Advance(10, [(12, false), (15, true)]), Is.EqualTo(10));

    [Test]
    public void Advance_NeverGoesBack() =>
        Assert.That(VersionCursor.Advance(30, [(12, true), (15, true)]), Is.EqualTo(30));

    [Test]
    public void Advance_NothingStoredNothingSettled_Null() =>
        Assert.That(VersionCursor.Advance(null, [(12, false)]), Is.Null);
}
