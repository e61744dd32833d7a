namespace Lightbridge.State.Tests.Storage;

/// <summary>
/// A state file damaged on disk (a crash of the disk, not of the worker: LiteDB's own journal covers the latter) is
/// detected when it is opened, with a message that names the file and says how to recover, never later mid-run.
/// </summary>
public sealed class StateCorruptionTests
{
    private TempStateFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempStateFolder();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [TestCase("truncated-to-half")]
    [TestCase("truncated-to-100-bytes")]
    [TestCase("header-overwritten")]
    [TestCase("data-pages-overwritten")]
    [TestCase("not-a-database")]
    public void Open_DamagedFile_ThrowsStateCorruptExceptionNamingTheFileAndTheRecovery(string damage)
    {
        Fill();
        Damage(damage);

        var ex = Assert.Throws<StateCorruptException>(() => _folder.Open().Dispose());

        Assert.That(ex!.Path, Is.EqualTo(_folder.DatabasePath));
        Assert.That(ex.Message, Does.Contain(_folder.DatabasePath).And.Contain("operator-runbook"));
    }

    [Test]
    public void Open_DamagedFile_ReleasesTheLockSoTheFileCanBeMovedAsideAndAFreshOneOpened()
    {
        Fill();
        Damage("header-overwritten");
        Assert.Throws<StateCorruptException>(() => _folder.Open().Dispose());

        File.Move(_folder.DatabasePath, _folder.DatabasePath + ".damaged");
        using var fresh = _folder.Open();

        Assert.That(fresh.Checkpoints.Get("1", "Sale"), Is.Null, "a fresh file starts from nothing");
    }

    [Test]
    public void Open_HealthyFileWrittenAndReopened_IsNotReportedCorrupt()
    {
        Fill();

        using var store = _folder.Open();

        Assert.That(store.Identities.Count(), Is.EqualTo(2_000));
    }

    private void Fill()
    {
        using var store = _folder.Open();
        store.Identities.Upsert(Enumerable.Range(0, 2_000).Select(i => new IdentityEntry(
            $"003{i:D15}", IdentityObject.Contact, $"shopper{i}@example.org", null, $"1-{i}", false, null, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))));
        store.Checkpoints.Set("1", "Sale", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), [new Lightbridge.Core.Model.LightspeedId("9")]);
    }

    private void Damage(string how)
    {
        var path = _folder.DatabasePath;
        var bytes = File.ReadAllBytes(path);
        var random = new Random(7);
        switch (how)
        {
            case "truncated-to-half":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "truncated-to-100-bytes":
                File.WriteAllBytes(path, bytes[..100]);
                break;
            case "header-overwritten":
                random.NextBytes(bytes.AsSpan(0, 8192));
                File.WriteAllBytes(path, bytes);
                break;
            case "data-pages-overwritten":
                random.NextBytes(bytes.AsSpan(8192, bytes.Length - 8192));
                File.WriteAllBytes(path, bytes);
                break;
            default:
                File.WriteAllText(path, "this is not a LiteDB file, someone copied a log over it\n");
                break;
        }
    }
}
