using Lightbridge.Emulators.Lightspeed.Paging;
using Lightbridge.Emulators.Lightspeed.Query;

namespace Lightbridge.Emulators.Lightspeed.Tests.Paging;

public sealed class CursorCodecTests
{
    [Test]
    public void Encode_IdOnly_MatchesDocumentedCursor()
    {
        // The reference decodes WzEwMF0= as [100].
        Assert.That(CursorCodec.Encode(new PageCursor(false, null, 100)), Is.EqualTo("WzEwMF0="));
    }

    [Test]
    public void Encode_TimeAndId_MatchesDocumentedCursor()
    {
        var cursor = new PageCursor(true, new DateTimeOffset(2021, 11, 1, 14, 55, 51, TimeSpan.Zero), 544);
        Assert.That(CursorCodec.Encode(cursor), Is.EqualTo("WyIyMDIxLTExLTAxVDE0OjU1OjUxKzAwOjAwIiw1NDRd"));
    }

    [Test]
    public void TryDecode_DocumentedTimeCursor_RoundTrips()
    {
        Assert.That(CursorCodec.TryDecode("WyIyMDIxLTExLTAxVDE0OjU1OjUxKzAwOjAwIiw1NDRd", FieldKind.DateTime, out var cursor), Is.True);
        Assert.That(cursor!.Id, Is.EqualTo(544));
        Assert.That(cursor.SortValue, Is.EqualTo(new DateTimeOffset(2021, 11, 1, 14, 55, 51, TimeSpan.Zero)));
    }

    [TestCase("not base64!")]
    [TestCase("e30=")]
    [TestCase("WyJhIl0=")]
    public void TryDecode_Garbage_Fails(string text)
    {
        Assert.That(CursorCodec.TryDecode(text, null, out _), Is.False);
    }

    [Test]
    public void TryDecode_IdCursorWhenSortExpectsKey_Fails()
    {
        Assert.That(CursorCodec.TryDecode("WzEwMF0=", FieldKind.DateTime, out _), Is.False);
    }
}
