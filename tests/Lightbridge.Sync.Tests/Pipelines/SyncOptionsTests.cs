using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

[TestFixture]
public sealed class SyncOptionsTests
{
    [Test]
    public void Defaults_AreValidAndAsDocumented()
    {
        var options = new SyncOptions();

        Assert.That(options.Problems(), Is.Empty);
        Assert.That((options.BulkThreshold, options.OverlapSeconds, options.BatchSize), Is.EqualTo((2_000, 300, 10_000)));
        Assert.That(SyncOptions.SectionName, Is.EqualTo("Sync"));
    }

    [Test]
    public void Validate_SeveralBadValues_NamesEachKey()
    {
        var options = new SyncOptions { BulkThreshold = 0, OverlapSeconds = -1 };

        var error = Assert.Throws<ArgumentException>(options.Validate)!;

        Assert.That(error.Message, Does.Contain("Sync:BulkThreshold").And.Contain("Sync:OverlapSeconds"));
    }

    [Test]
    public void Validate_BatchSmallerThanBulkThreshold_Refused()
    {
        var problems = new SyncOptions { BulkThreshold = 500, BatchSize = 100 }.Problems();

        Assert.That(problems, Has.One.Contains("Sync:BatchSize"));
    }
}
