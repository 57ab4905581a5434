package dev.jwtsecured.runtime.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context key sets are fetched with: the JVM's default, or, where that cannot be made, one that trusts what the
 * default trusts and presents no certificate of its own. GlassFish sets {@code javax.net.ssl.keyStore} to its own key
 * store without {@code javax.net.ssl.keyStorePassword}, so the default context fails ("Get Key failed: ... password is
 * null") and, with it, the JDK's HTTP client: every application with a {@code jwksUri} failed to deploy there. A key
 * set is a public document, fetched without a client certificate.
 */
final class FetchTls {
  private FetchTls() {}

  /** @throws IllegalStateException when neither context can be made, naming why */
  static SSLContext context() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException unusable) {
      try {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init((KeyStore) null); // javax.net.ssl.trustStore, or the JDK's cacerts
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
      } catch (GeneralSecurityException e) {
        e.addSuppressed(unusable);
        throw new IllegalStateException("jwtsecured: no TLS context to fetch the key set with: " + e, e);
      }
    }
  }
}
