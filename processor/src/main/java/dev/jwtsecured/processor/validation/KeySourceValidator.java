package dev.jwtsecured.processor.validation;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.processor.model.SettingsModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a configuration's source of keys: exactly one of {@code secret} (with {@code previousSecrets}),
 * {@code privateKey}, {@code jwksUri} and {@code publicKey}; what goes with each (a verifier issues no tokens); the
 * secret's strength; keys referenced, never written in the source; the accepted algorithms and the roles claim.
 */
final class KeySourceValidator {
  private static final Pattern PLACEHOLDER = Pattern.compile(JwtSecured.SECRET_PLACEHOLDER, Pattern.DOTALL);
  /** Secrets from tutorials and defaults, tried first by anyone who finds a token. Compared case-insensitively. */
  private static final Set<String> WELL_KNOWN_SECRETS =
      Set.of(
          "secret", "changeme", "change-me", "change_me", "changeit", "abcd123", "password", "your-256-bit-secret",
          "your-384-bit-secret", "your-512-bit-secret", "secretkey", "secret-key", "mysecret", "my-secret",
          "jwt-secret", "jwtsecret", "supersecret", "super-secret", "test", "default", "key", "12345678",
          "your_secret_key", "your-secret-key");

  private KeySourceValidator() {}

  static void validate(ConfigValues v, SettingsModel.Algorithm algorithm, List<Diagnostic> problems) {
    String secret = v.string("secret");
    String jwksUri = v.string("jwksUri");
    String privateKey = v.string("privateKey");
    int minimumBytes = algorithm.minimumSecretBytes;
    if (!privateKey.isEmpty()) {
      for (String member : List.of("secret", "jwksUri", "publicKey", "algorithm", "previousSecrets")) {
        if (v.explicit(member) != null) {
          problems.add(v.at(member, Message.PRIVATE_KEY_WITH_OTHER_KEYS.format(member, member)));
        }
      }
      if (!PLACEHOLDER.matcher(privateKey).matches() && !privateKey.matches("file:.+")) {
        problems.add(v.at("privateKey", Message.PRIVATE_KEY_INVALID.format()));
      }
      checkClaimPath(v, problems);
    } else if (!v.string("publicKey").isEmpty()) {
      validateVerifierOnly(v, "publicKey", problems);
      String publicKey = v.string("publicKey");
      if (!PLACEHOLDER.matcher(publicKey).matches() && !publicKey.matches("file:.+")) {
        String problem = literalPublicKeyProblem(publicKey);
        if (problem != null) {
          problems.add(v.at("publicKey", Message.PUBLIC_KEY_INVALID.format(problem)));
        }
      }
    } else if (jwksUri.isEmpty()) {
      validateSecret(v, secret, algorithm.name(), minimumBytes, problems);
      List<String> previous = v.strings("previousSecrets");
      for (int i = 0; i < previous.size(); i++) {
        if (!PLACEHOLDER.matcher(previous.get(i)).matches()) {
          problems.add(v.at("previousSecrets", i, Message.PREVIOUS_SECRET_INVALID.format(previous.get(i))));
        }
      }
      if (v.explicit("rolesClaim") != null && !v.string("rolesClaim").equals("roles")) {
        problems.add(v.at("rolesClaim", Message.ROLES_CLAIM_INVALID.format(v.string("rolesClaim"),
            "goes only with jwksUri or privateKey: the tokens a configuration with a secret issues carry their roles in"
                + " \"roles\"")));
      }
    } else {
      validateKeySet(v, jwksUri, problems);
    }
  }

  private static final Pattern CLAIM_PATH = Pattern.compile(JwtSecured.CLAIM_PATH);
  private static final Set<String> KEY_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
      "ES256", "ES384", "ES512", "EdDSA");

  /** A verifier-only configuration: the URI, its algorithms and claim path, and nothing of issuing. */
  private static void validateKeySet(ConfigValues v, String jwksUri, List<Diagnostic> problems) {
    validateVerifierOnly(v, "jwksUri", problems);
    if (!PLACEHOLDER.matcher(jwksUri).matches() && !secureUri(jwksUri)) {
      problems.add(v.at("jwksUri", Message.JWKS_URI_INVALID.format(jwksUri)));
    }
  }

  /** What every verifier-only configuration checks: nothing of issuing, one source of keys, algorithms, claim path. */
  private static void validateVerifierOnly(ConfigValues v, String source, List<Diagnostic> problems) {
    for (String member : List.of("secret", "algorithm", "expiration", "tokenUrl", "jwksUri", "publicKey",
        "previousSecrets")) {
      if (!member.equals(source) && v.explicit(member) != null) {
        problems.add(v.at(member, Message.JWKS_WITH_ISSUING_MEMBER.format(member, source, member, source)));
      }
    }
    List<String> algorithms = v.strings("keyAlgorithms");
    if (v.explicit("keyAlgorithms") != null && algorithms.isEmpty()) {
      problems.add(v.at("keyAlgorithms", Message.KEY_ALGORITHM_UNKNOWN.format("")));
    }
    for (int i = 0; i < algorithms.size(); i++) {
      if (!KEY_ALGORITHMS.contains(algorithms.get(i))) {
        problems.add(v.at("keyAlgorithms", i, Message.KEY_ALGORITHM_UNKNOWN.format(algorithms.get(i))));
      }
    }
    checkClaimPath(v, problems);
  }

  private static void checkClaimPath(ConfigValues v, List<Diagnostic> problems) {
    String rolesClaim = v.string("rolesClaim");
    if (!CLAIM_PATH.matcher(rolesClaim).matches()) {
      problems.add(v.at("rolesClaim", Message.ROLES_CLAIM_INVALID.format(rolesClaim,
          "is not a claim path: write a claim name, or names joined by '.' for a nested one, such as"
              + " \"realm_access.roles\"")));
    }
  }

  /** Why a public key written in the source is not one, or {@code null} when it parses. */
  private static String literalPublicKeyProblem(String pem) {
    if (!pem.startsWith("-----BEGIN PUBLIC KEY-----")) {
      return "";
    }
    try {
      byte[] der = java.util.Base64.getDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
          .replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", ""));
      for (String type : new String[] {"RSA", "EC", "Ed25519"}) {
        try {
          java.security.PublicKey key = java.security.KeyFactory.getInstance(type)
              .generatePublic(new java.security.spec.X509EncodedKeySpec(der));
          if (key instanceof java.security.interfaces.RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            return ": an RSA key needs at least 2048 bits, this one has " + rsa.getModulus().bitLength();
          }
          return null;
        } catch (java.security.GeneralSecurityException e) {
          // the next type
        }
      }
      return ": it is none of them";
    } catch (IllegalArgumentException e) {
      return ": its base64 is broken";
    }
  }

  /** An absolute https URI with a host, or http on a loopback address. */
  private static boolean secureUri(String text) {
    try {
      java.net.URI uri = new java.net.URI(text);
      String host = uri.getHost();
      if (!uri.isAbsolute() || host == null || uri.getRawUserInfo() != null) {
        return false;
      }
      String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      return scheme.equals("https") || scheme.equals("http")
          && (host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static void validateSecret(ConfigValues v, String secret, String algorithm, int minimumBytes,
      List<Diagnostic> problems) {
    if (secret.isEmpty()) {
      problems.add(v.at("secret", Message.SECRET_EMPTY.format()));
      return;
    }
    var placeholder = PLACEHOLDER.matcher(secret);
    String literal;
    boolean fallback = placeholder.matches();
    if (fallback) {
      literal = placeholder.group(2); // a fallback is held to the literal rules
      if (literal == null) {
        return;
      }
    } else {
      literal = secret;
    }
    if (WELL_KNOWN_SECRETS.contains(literal.toLowerCase(Locale.ROOT))) {
      problems.add(v.at("secret", fallback
          ? Message.SECRET_WELL_KNOWN_FALLBACK.format(literal, placeholder.group(1))
          : Message.SECRET_WELL_KNOWN.format(literal)));
      return;
    }
    int bytes = literal.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < minimumBytes) {
      problems.add(v.at("secret", Message.SECRET_TOO_SHORT.format(bytes,
          algorithm, minimumBytes)));
      return;
    }
    problems.add(v.at("secret", Message.SECRET_LITERAL.format()));
  }
}
