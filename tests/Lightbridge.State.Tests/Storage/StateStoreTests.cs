using LiteDB;

namespace Lightbridge.State.Tests.Storage;

public sealed class StateStoreTests
{
    private TempStateFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempStateFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public void Open_FolderMissing_CreatesFolderAndFile()
    {
        using (var store = _folder.Open())
        {
            Assert.That(store.Path, Is.EqualTo(_folder.DatabasePath));
            store.EventReplayIds.Set("/event/X", 1);
        }

        Assert.That(File.Exists(_folder.DatabasePath), Is.True);
    }

    [Test]
    public void Open_AfterDispose_SeesEverythingWrittenBefore()
    {
        using (var store = _folder.Open())
        {
            store.EventReplayIds.Set("/event/Lightspeed_Resync_Request__e", 42);
            store.Runs.Start("run-1", RunTrigger.Manual, "Sale");
        }

        using var reopened = _folder.Open();
        Assert.That(reopened.EventReplayIds.Get("/event/Lightspeed_Resync_Request__e")?.ReplayId, Is.EqualTo(42));
        Assert.That(reopened.Runs.Get("run-1")?.Status, Is.EqualTo(RunStatus.Running));
    }

    [Test]
    public void Open_WithPassword_FileHoldsNoPlainText()
    {
        const string marker = "PLAINTEXT-REFRESH-TOKEN-MARKER";
        using (var store = _folder.Open("s3cret"))
        {
            store.Tokens.SaveAsync(new StoredTokenSet(null, marker, DateTimeOffset.MinValue, DateTimeOffset.MinValue), CancellationToken.None).AsTask().Wait();
        }

        var bytes = File.ReadAllBytes(_folder.DatabasePath);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.That(text, Does.Not.Contain(marker));
        Assert.That(text, Does.Not.Contain("tokens"));
    }

    [Test]
    public void Open_WithPassword_PlainLiteDbCannotOpenFile()
    {
        using (_folder.Open("s3cret"))
        {
        }

        Assert.That(
            () => new LiteDatabase($"Filename={_folder.DatabasePath};Connection=direct").Dispose(),
            Throws.InstanceOf<LiteException>());
    }

    [Test]
    public void Open_WrongPassword_ThrowsNamingStatePassword()
    {
        using (_folder.Open("s3cret"))
        {
        }

        var ex = Assert.Throws<StatePasswordException>(() => _folder.Open("wrong"));
        Assert.That(ex!.Message, Does.Contain("State:Password").And.Contain("wrong"));
        Assert.That(ex.Path, Is.EqualTo(_folder.DatabasePath));
    }

    [Test]
    public void Open_EncryptedFileWithoutPassword_ThrowsNamingStatePassword()
    {
        using (_folder.Open("s3cret"))
        {
        }

        var ex = Assert.Throws<StatePasswordException>(() => _folder.Open());
        Assert.That(ex!.Message, Does.Contain("State:Password").And.Contain("encrypted"));
    }

    [Test]
    public void Open_PasswordForUnencryptedFile_ThrowsNamingStatePassword()
    {
        using (_folder.Open())
        {
        }

        var ex = Assert.Throws<StatePasswordException>(() => _folder.Open("s3cret"));
        Assert.That(ex!.Message, Does.Contain("State:Password").And.Contain("not encrypted"));
    }

    [Test]
    public void Open_FailedPassword_ReleasesLock()
    {
        using (_folder.Open("s3cret"))
        {
        }

        Assert.Throws<StatePasswordException>(() => _folder.Open("wrong"));
        using var store = _folder.Open("s3cret");
        Assert.That(store.Path, Is.EqualTo(_folder.DatabasePath));
    }

    [Test]
    public void Open_RightPassword_ReadsDataBack()
    {
        using (var store = _folder.Open("s3cret"))
        {
            store.EventReplayIds.Set("/event/X", 7);
        }

        using var reopened = _folder.Open("s3cret");
        Assert.That(reopened.EventReplayIds.Get("/event/X")?.ReplayId, Is.EqualTo(7));
    }
}
