package org.picbed.site;

import org.picbed.config.Settings;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.util.Optional;

/**
 * Which certificates this site trusts when it talks to its peers over {@code https://}: the PKCS12 trust store
 * {@code PICBED_TLS_TRUSTSTORE} (password {@code PICBED_TLS_TRUSTSTORE_PASSWORD}; the launcher's sites get their site
 * CA), else the JDK's default CAs. Peers' host names (or IP addresses) must match their certificates.
 */
public final class PeerTls {

    private PeerTls() {
    }

    /** The SSL context for peer connections, when a trust store is configured. */
    public static Optional<SSLContext> context(Settings settings) {
        Optional<String> path = settings.get("tls.truststore").filter(p -> !p.isBlank());
        if (path.isEmpty()) {
            return Optional.empty();
        }
        char[] password = settings.get("tls.truststore.password", "").toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(path.get()))) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(in, password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("PICBED_TLS_TRUSTSTORE cannot be read as a PKCS12 trust store with its password", e);
        }
    }

    /**
     * A connection failure in a few words for health and the admin pages: a certificate this site does not trust
     * (or one for another host) is named as such, anything else by its kind.
     */
    public static String reason(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateException || t instanceof java.security.cert.CertPathValidatorException
                    || t.getClass().getName().equals("sun.security.provider.certpath.SunCertPathBuilderException")) {
                return "untrusted certificate";
            }
            if (t instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return "certificate does not match the peer's address";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS handshake failed";
            }
        }
        return failure.getClass().getSimpleName();
    }
}
