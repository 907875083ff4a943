package io.monitoringkit.http;

import io.monitoringkit.http.internal.Tls;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS settings: which servers to trust (a CA in a PEM file or a {@link KeyStore}, instead of the JDK's default
 * trust store) and, for mutual TLS, the client's certificate and key (PEM files or a KeyStore). Immutable.
 *
 * <pre>{@code
 * TlsConfig tls = TlsConfig.defaults()
 *         .trustPem(Path.of("/etc/prometheus/ca.pem"))
 *         .clientPem(Path.of("client.crt"), Path.of("client.key"));
 * }</pre>
 */
public final class TlsConfig {
    private static final TlsConfig DEFAULTS = new TlsConfig(null, null, null, null, null, null);

    private final Path trustPem;
    private final KeyStore trustStore;
    private final Path clientCertPem;
    private final Path clientKeyPem;
    private final KeyStore keyStore;
    private final Secret keyPassword;

    private TlsConfig(Path trustPem, KeyStore trustStore, Path clientCertPem, Path clientKeyPem, KeyStore keyStore,
            Secret keyPassword) {
        this.trustPem = trustPem;
        this.trustStore = trustStore;
        this.clientCertPem = clientCertPem;
        this.clientKeyPem = clientKeyPem;
        this.keyStore = keyStore;
        this.keyPassword = keyPassword;
    }

    /** @return the JDK's defaults: system trust store, no client certificate. */
    public static TlsConfig defaults() {
        return DEFAULTS;
    }

    /** @return a copy trusting exactly the CA certificates in this PEM file. */
    public TlsConfig trustPem(Path caPem) {
        return new TlsConfig(Objects.requireNonNull(caPem, "caPem"), null, clientCertPem, clientKeyPem, keyStore,
                keyPassword);
    }

    /** @return a copy trusting exactly the certificates in this trust store. */
    public TlsConfig trustStore(KeyStore trustStore) {
        return new TlsConfig(null, Objects.requireNonNull(trustStore, "trustStore"), clientCertPem, clientKeyPem,
                keyStore, keyPassword);
    }

    /**
     * @param certChainPem the client certificate (and intermediates), PEM
     * @param privateKeyPem its private key, PEM: PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 RSA
     * @return a copy presenting this client certificate (mutual TLS)
     */
    public TlsConfig clientPem(Path certChainPem, Path privateKeyPem) {
        return new TlsConfig(trustPem, trustStore, Objects.requireNonNull(certChainPem, "certChainPem"),
                Objects.requireNonNull(privateKeyPem, "privateKeyPem"), null, null);
    }

    /** @return a copy presenting the key in this key store (mutual TLS). */
    public TlsConfig clientKeyStore(KeyStore keyStore, Secret keyPassword) {
        return new TlsConfig(trustPem, trustStore, null, null, Objects.requireNonNull(keyStore, "keyStore"),
                Objects.requireNonNull(keyPassword, "keyPassword"));
    }

    /** @return whether anything differs from the JDK defaults. */
    public boolean isCustom() {
        return trustPem != null || trustStore != null || clientCertPem != null || keyStore != null;
    }

    /** @return the CA PEM file, if set. */
    public Optional<Path> trustPem() {
        return Optional.ofNullable(trustPem);
    }

    /** @return the client certificate PEM file, if set. */
    public Optional<Path> clientCertPem() {
        return Optional.ofNullable(clientCertPem);
    }

    /**
     * Loads the files and builds the socket factory; called once by {@link HttpTransport.Builder#build()}.
     *
     * @return the factory and trust manager for OkHttp
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public Materials load() {
        return Tls.load(trustPem, trustStore, clientCertPem, clientKeyPem, keyStore,
                keyPassword == null ? null : keyPassword.reveal().toCharArray());
    }

    /**
     * The loaded TLS materials.
     *
     * <pre>{@code
     * TlsConfig.Materials m = tls.load();
     * okHttpBuilder.sslSocketFactory(m.socketFactory(), m.trustManager());
     * }</pre>
     *
     * @param socketFactory the socket factory
     * @param trustManager the trust manager
     */
    public record Materials(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
    }

    @Override
    public String toString() {
        return "TlsConfig{trust=" + (trustPem != null ? trustPem : trustStore != null ? "keystore" : "system")
                + ", client=" + (clientCertPem != null ? clientCertPem : keyStore != null ? "keystore" : "none")
                + "}";
    }
}
