package io.monitoringkit.http.internal;

import io.monitoringkit.http.TlsConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds SSL materials from PEM files and key stores. */
public final class Tls {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private Tls() {
    }

    /** Loads everything; errors name the file. */
    public static TlsConfig.Materials load(Path trustPem, KeyStore trustStore, Path certPem, Path keyPem,
            KeyStore keyStore, char[] keyPassword) {
        try {
            KeyStore trust = trustStore;
            if (trustPem != null) {
                List<Certificate> cas = certificates(trustPem);
                trust = emptyStore();
                for (int i = 0; i < cas.size(); i++) {
                    trust.setCertificateEntry("ca-" + i, cas.get(i));
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            X509TrustManager tm = null;
            for (TrustManager t : tmf.getTrustManagers()) {
                if (t instanceof X509TrustManager x) {
                    tm = x;
                }
            }
            KeyManager[] kms = null;
            KeyStore keys = keyStore;
            char[] password = keyPassword;
            if (certPem != null) {
                List<Certificate> chain = certificates(certPem);
                PrivateKey key = privateKey(keyPem);
                password = new char[0];
                keys = emptyStore();
                keys.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
            }
            if (keys != null) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, password);
                kms = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kms, new TrustManager[] {tm}, null);
            return new TlsConfig.Materials(ctx.getSocketFactory(), tm);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ks;
    }

    static List<Certificate> certificates(Path file) {
        String text = read(file);
        List<Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            Matcher m = PEM.matcher(text);
            while (m.find()) {
                if (m.group(1).equals("CERTIFICATE")) {
                    out.add(cf.generateCertificate(new ByteArrayInputStream(decode(m.group(2), file))));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a valid PEM certificate: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": holds no \"-----BEGIN CERTIFICATE-----\" block");
        }
        return out;
    }

    static PrivateKey privateKey(Path file) {
        String text = read(file);
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            byte[] der = decode(m.group(2), file);
            if (type.equals("PRIVATE KEY")) {
                return pkcs8(der, file);
            }
            if (type.equals("RSA PRIVATE KEY")) {
                return pkcs8(wrapPkcs1Rsa(der), file);
            }
            if (type.equals("ENCRYPTED PRIVATE KEY")) {
                throw new IllegalArgumentException(file + ": encrypted private keys are not supported; "
                        + "decrypt it (openssl pkcs8 -topk8 -nocrypt) or use a KeyStore");
            }
        }
        throw new IllegalArgumentException(file + ": holds no \"-----BEGIN PRIVATE KEY-----\" (PKCS#8) or "
                + "\"-----BEGIN RSA PRIVATE KEY-----\" block");
    }

    private static PrivateKey pkcs8(byte[] der, Path file) {
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(file + ": the private key is neither RSA, EC nor Ed25519");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo. */
    private static byte[] wrapPkcs1Rsa(byte[] pkcs1) {
        byte[] algId = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
            0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = derTag(0x04, pkcs1);
        byte[] body = new byte[version.length + algId.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algId, 0, body, version.length, algId.length);
        System.arraycopy(octets, 0, body, version.length + algId.length, octets.length);
        return derTag(0x30, body);
    }

    private static byte[] derTag(int tag, byte[] content) {
        byte[] len;
        if (content.length < 128) {
            len = new byte[] {(byte) content.length};
        } else {
            byte[] n = BigInteger.valueOf(content.length).toByteArray();
            int skip = n[0] == 0 ? 1 : 0;
            len = new byte[n.length - skip + 1];
            len[0] = (byte) (0x80 | (n.length - skip));
            System.arraycopy(n, skip, len, 1, n.length - skip);
        }
        byte[] out = new byte[1 + len.length + content.length];
        out[0] = (byte) tag;
        System.arraycopy(len, 0, out, 1, len.length);
        System.arraycopy(content, 0, out, 1 + len.length, content.length);
        return out;
    }

    private static byte[] decode(String base64, Path file) {
        try {
            return Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": a PEM block is not valid base64", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e, e);
        }
    }
}
