using Lightbridge.Core.Planning;
using Lightbridge.Salesforce;
using Lightbridge.Sync.Pipelines;

namespace Lightbridge.Sync.Tests.Pipelines;

[TestFixture]
public sealed class LoadFailureClassifierTests
{
    [Test]
    public void Classify_Success_Written()
    {
        Assert.That(LoadFailureClassifier.Classify(new RecordResult(0, "1-1", "01t000000000001AAA", true, true, [])), Is.EqualTo(RecordDisposition.Written));
    }

    [TestCase("UNABLE_TO_LOCK_ROW")]
    [TestCase("UNPROCESSED")]
    [TestCase("NO_RESULT")]
    public void Classify_FailureThatMayPassOnItsOwn_PendingSoTheCheckpointHolds(string code)
    {
        Assert.That(LoadFailureClassifier.Classify(Failed(code)), Is.EqualTo(RecordDisposition.Pending));
    }

    [TestCase("DUPLICATE_VALUE")]
    [TestCase("INVALID_FIELD")]
    [TestCase("STRING_TOO_LONG")]
    public void Classify_FailureThatNeedsAFix_QueuedAndSettled(string code)
    {
        Assert.That(LoadFailureClassifier.Classify(Failed(code)), Is.EqualTo(RecordDisposition.Queued));
    }

    [Test]
    public void Classify_LockAlongsideAnotherError_Queued()
    {
        var result = new RecordResult(0, "1-1", null, false, null, [new RecordError("UNABLE_TO_LOCK_ROW", "locked", []), new RecordError("INVALID_FIELD", "bad", ["X"])]);

        Assert.That(LoadFailureClassifier.Classify(result), Is.EqualTo(RecordDisposition.Queued));
    }

    private static RecordResult Failed(string code) => new(0, "1-1", null, false, null, [new RecordError(code, "message", [])]);
}
