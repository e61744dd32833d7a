using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Lightbridge.Emulators.Salesforce.Auth;

/// <summary>
/// The connected app's certificate that JWT assertions are checked against: read from a PEM file, or generated at start
/// (a 2048-bit RSA key and a self-signed certificate) with the private key exposed so tests and the demo can sign.
/// </summary>
internal sealed class SigningCertificate : IDisposable
{
    private SigningCertificate(X509Certificate2 certificate, string? privateKeyPem)
    {
        Certificate = certificate;
        GeneratedPrivateKeyPem = privateKeyPem;
    }

    public X509Certificate2 Certificate { get; }

    public string? GeneratedPrivateKeyPem { get; }

    public string CertificatePem => Certificate.ExportCertificatePem();

    public static SigningCertificate Load(string path) => new(X509Certificate2.CreateFromPem(File.ReadAllText(path)), null);

    public static SigningCertificate Generate(TimeProvider time)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=lightbridge-emulator", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = time.GetUtcNow();
        using var withKey = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
        var publicOnly = X509Certificate2.CreateFromPem(withKey.ExportCertificatePem());
        return new SigningCertificate(publicOnly, rsa.ExportPkcs8PrivateKeyPem());
    }

    public bool Verify(byte[] data, byte[] signature)
    {
        using var key = Certificate.GetRSAPublicKey();
        return key is not null && key.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Dispose() => Certificate.Dispose();
}
