package dev.jwtsecured.it.cafe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * An application path of words and a letter beyond ASCII, which JAX-RS serves percent-encoded:
 * {@code /carte%20des%20caf%C3%A9s}. {@code EncodedApplicationPathTest} serves {@link CafeSecurity}'s resources there.
 */
@ApplicationPath("/carte des caf\u00e9s")
public class CafeApplication extends Application {}
