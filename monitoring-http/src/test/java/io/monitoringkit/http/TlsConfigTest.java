package io.monitoringkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsConfigTest {

    @Test
    void mutualTlsWithPemFiles(@TempDir Path dir) throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test-ca").build();
        HeldCertificate serverCert = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1")
                .signedBy(ca).build();
        HeldCertificate clientCert = new HeldCertificate.Builder().commonName("client").signedBy(ca).build();
        Path caPem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        Path crt = Files.writeString(dir.resolve("client.crt"), clientCert.certificatePem());
        Path key = Files.writeString(dir.resolve("client.key"), clientCert.privateKeyPkcs8Pem());

        HandshakeCertificates serverHandshake = new HandshakeCertificates.Builder()
                .addTrustedCertificate(ca.certificate()).heldCertificate(serverCert).build();
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(serverHandshake.sslSocketFactory());
            server.requireClientAuth();
            server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(new MockResponse.Builder().body("secure").build());
            try (HttpTransport t = HttpTransport.builder("https://127.0.0.1:" + server.getPort())
                    .tls(TlsConfig.defaults().trustPem(caPem).clientPem(crt, key)).build()) {
                Request r = new Request.Builder().url(t.url("x").build()).build();
                assertThat(t.<String>execute(r, true, resp -> resp.body().string())).isEqualTo("secure");
                RecordedRequest rec = server.takeRequest();
                assertThat(rec.getHandshake().peerPrincipal().getName()).isEqualTo("CN=client");
            }
        }
    }

    @Test
    void mutualTlsWithKeyStores() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate serverCert = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1")
                .signedBy(ca).build();
        HeldCertificate clientCert = new HeldCertificate.Builder().commonName("ks-client").signedBy(ca).build();
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("client", clientCert.keyPair().getPrivate(), "pw".toCharArray(),
                new java.security.cert.Certificate[] {clientCert.certificate()});
        HandshakeCertificates serverHandshake = new HandshakeCertificates.Builder()
                .addTrustedCertificate(ca.certificate()).heldCertificate(serverCert).build();
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(serverHandshake.sslSocketFactory());
            server.requireClientAuth();
            server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(new MockResponse.Builder().body("ks").build());
            try (HttpTransport t = HttpTransport.builder("https://127.0.0.1:" + server.getPort())
                    .tls(TlsConfig.defaults().trustStore(trust).clientKeyStore(keys, Secret.of("pw"))).build()) {
                Request r = new Request.Builder().url(t.url("x").build()).build();
                assertThat(t.<String>execute(r, true, resp -> resp.body().string())).isEqualTo("ks");
                assertThat(server.takeRequest().getHandshake().peerPrincipal().getName()).isEqualTo("CN=ks-client");
                assertThat(t.toString()).contains("tls=TlsConfig{trust=keystore, client=keystore}")
                        .doesNotContain("pw");
            }
        }
    }

    @Test
    void untrustedServersAreRefused() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate other = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate serverCert = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1")
                .signedBy(other).build();
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert).build().sslSocketFactory());
            server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
            try (HttpTransport t = HttpTransport.builder("https://127.0.0.1:" + server.getPort())
                    .tls(TlsConfig.defaults().trustStore(trust)).retryPolicy(RetryPolicy.none()).build()) {
                Request r = new Request.Builder().url(t.url("x").build()).build();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.execute(r, true, resp -> null))
                        .isInstanceOf(HttpTransportException.class).hasMessageContaining("SSLHandshakeException");
            }
        }
    }

    @Test
    void pkcs1RsaKeysAreAccepted(@TempDir Path dir) throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().rsa2048().build();
        Path crt = Files.writeString(dir.resolve("c.crt"), cert.certificatePem());
        Path key = Files.writeString(dir.resolve("c.key"), cert.privateKeyPkcs1Pem());
        assertThat(TlsConfig.defaults().clientPem(crt, key).load().socketFactory()).isNotNull();
    }

    @Test
    void errorsNameTheFileAndTheProblem(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here");
        assertThatThrownBy(() -> TlsConfig.defaults().trustPem(empty).load())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(empty + ": holds no \"-----BEGIN CERTIFICATE-----\" block");
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> TlsConfig.defaults().trustPem(missing).load())
                .hasMessageStartingWith(missing + ": cannot be read: java.nio.file.NoSuchFileException");
        HeldCertificate cert = new HeldCertificate.Builder().build();
        Path crt = Files.writeString(dir.resolve("c.crt"), cert.certificatePem());
        assertThatThrownBy(() -> TlsConfig.defaults().clientPem(crt, crt).load())
                .hasMessage(crt + ": holds no \"-----BEGIN PRIVATE KEY-----\" (PKCS#8) or "
                        + "\"-----BEGIN RSA PRIVATE KEY-----\" block");
    }
}
