using Lightbridge.Core.Normalization;

namespace Lightbridge.Core.Tests.Normalization;

public sealed class EmailNormalizerTests
{
    [TestCase("jane@example.com", "jane@example.com")]
    [TestCase("  Jane.Doe@Example.COM \t", "jane.doe@example.com")]
    [TestCase("o'brien+shop@mail.example.co.uk", "o'brien+shop@mail.example.co.uk")]
    [TestCase("x@xn--bcher-kva.example", "x@xn--bcher-kva.example")]
    public void Normalize_ValidAddress_TrimsAndLowerCases(string raw, string expected)
    {
        var result = EmailNormalizer.Normalize(raw);

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Email!.Value, Is.EqualTo(expected));
        Assert.That(result.Problem, Is.Null);
    }

    [TestCase(null)]
    [TestCase("   ")]
    [TestCase("jane")]
    [TestCase("jane@")]
    [TestCase("@example.com")]
    [TestCase("jane@@example.com")]
    [TestCase("jane@example")]
    [TestCase("jane@example.c")]
    [TestCase("jane@example.c0m")]
    [TestCase("jane@-example.com")]
    [TestCase("jane@example..com")]
    [TestCase(".jane@example.com")]
    [TestCase("ja..ne@example.com")]
    [TestCase("ja ne@example.com")]
    [TestCase("jane@exa_mple.com")]
    [TestCase("jane(at)example.com")]
    public void Normalize_MalformedAddress_ReportsProblem(string? raw)
    {
        var result = EmailNormalizer.Normalize(raw);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Problem, Is.Not.Empty);
    }

    [Test]
    public void Normalize_LongerThanSalesforceField_Rejected()
    {
        var raw = new string('a', 64) + "@" + new string('b', 12) + ".com";

        Assert.That(raw, Has.Length.EqualTo(81));
        Assert.That(EmailNormalizer.Normalize(raw).IsValid, Is.False);
        Assert.That(EmailNormalizer.Normalize(raw[1..]).IsValid, Is.True);
    }

    [Test]
    public void Normalize_Problem_DoesNotEchoTheAddress()
    {
        Assert.That(EmailNormalizer.Normalize("secret.person@nowhere").Problem, Does.Not.Contain("secret"));
    }
}
