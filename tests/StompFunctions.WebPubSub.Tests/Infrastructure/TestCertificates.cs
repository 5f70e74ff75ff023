using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace StompFunctions.WebPubSub.Tests.Infrastructure;

/// <summary>A throw-away self-signed certificate for loopback HTTPS (Entra bearer tokens are never sent over plain HTTP).</summary>
internal static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> Loopback = new(Create);

    public static X509Certificate2 LoopbackCertificate => Loopback.Value;

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
