using Lightbridge.Core.Failures;
using Lightbridge.Core.Identity;
using Lightbridge.Core.Model;

namespace Lightbridge.Core.Tests.Failures;

public sealed class RecordFailureTests
{
    [Test]
    public void ErrorKey_EntityAndExternalId_CombinesBoth()
    {
        Assert.That(RecordFailure.ErrorKey(SyncEntity.Sale, ExternalId.Parse("120645-42")), Is.EqualTo("Sale:120645-42"));
    }

    [Test]
    public void IsBlocking_WarningSeverity_False()
    {
        var error = new RecordFailure(SyncEntity.Customer, new LightspeedId("1"), "Emails", "EmailMalformed", "m");

        Assert.That(error.IsBlocking, Is.True);
        Assert.That((error with { Severity = FailureSeverity.Warning }).IsBlocking, Is.False);
    }
}
