package dev.jwtsecured.processor.validation;

import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.processor.model.SettingsModel;
import dev.jwtsecured.runtime.internal.ClaimPaths;
import dev.jwtsecured.runtime.internal.JwksUris;
import dev.jwtsecured.runtime.internal.KeyFamilies;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
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
      if (writtenHere(privateKey) != null) {
        problems.add(v.at("privateKey", Message.PRIVATE_KEY_INVALID.format()));
      }
      List<String> rotation = v.strings("rotationPublicKeys");
      for (int i = 0; i < rotation.size(); i++) {
        String written = writtenHere(rotation.get(i));
        // A placeholder's empty fallback is no key, as meant: between rotations the variable is unset.
        boolean emptyFallback = written != null && written.isEmpty() && !rotation.get(i).isEmpty();
        String problem = written == null || emptyFallback ? null : literalRotationKeysProblem(written);
        if (problem != null) {
          problems.add(v.at("rotationPublicKeys", i, Message.ROTATION_KEY_INVALID.format(problem)));
        }
      }
      checkClaimPath(v, problems);
      String rolesClaim = v.string("rolesClaim");
      var taken = CLAIM_PATH_TAKEN.matcher(rolesClaim);
      if (taken.matches()) {
        problems.add(v.at("rolesClaim", Message.ROLES_CLAIM_INVALID.format(rolesClaim, "names the \"" + taken.group(2)
            + "\" claim, which the tokens privateKey signs carry for jwtsecured: roles written there would take its"
            + " place or lose theirs. Name a claim of the roles' own, such as \"roles\" or \"realm_access.roles\"")));
      }
      return;
    }
    if (v.explicit("rotationPublicKeys") != null) {
      problems.add(v.at("rotationPublicKeys", Message.ROTATION_KEYS_WITHOUT_PRIVATE_KEY.format()));
    }
    if (!v.string("publicKey").isEmpty()) {
      validateVerifierOnly(v, "publicKey", problems);
      String publicKey = writtenHere(v.string("publicKey"));
      if (publicKey != null) {
        try {
          PublicKey key = literalPublicKey(publicKey);
          List<String> algorithms = v.strings("keyAlgorithms");
          String misfit = algorithms.stream().allMatch(KeyFamilies::known) ? KeyFamilies.misfit(key, algorithms)
              : null;
          if (misfit != null) {
            problems.add(v.at("publicKey", Message.PUBLIC_KEY_FITS_NO_ALGORITHM.format(misfit)));
          }
        } catch (IllegalArgumentException e) {
          problems.add(v.at("publicKey", Message.PUBLIC_KEY_INVALID.format(e.getMessage())));
        }
      }
      if (v.strings("audience").isEmpty()) {
        problems.add(v.at("publicKey", Message.PUBLIC_KEY_WITHOUT_AUDIENCE.format()));
      }
    } else if (jwksUri.isEmpty()) {
      validateSecret(v, secret, algorithm.name(), minimumBytes, problems);
      List<String> previous = v.strings("previousSecrets");
      var secretName = PLACEHOLDER.matcher(secret);
      Set<String> read = new HashSet<>();
      for (int i = 0; i < previous.size(); i++) {
        // Only the name: a fallback would write an accepted secret in the source; an empty one accepts none.
        var placeholder = PLACEHOLDER.matcher(previous.get(i));
        String written = inSource(previous.get(i));
        if (!placeholder.matches() || written != null && !written.isEmpty()) {
          problems.add(v.at("previousSecrets", i, Message.PREVIOUS_SECRET_INVALID.format(previous.get(i))));
        } else if (secretName.matches() && placeholder.group(1).equals(secretName.group(1))) {
          String name = placeholder.group(1);
          problems.add(v.at("previousSecrets", i,
              Message.PREVIOUS_SECRET_IS_CURRENT.format(previous.get(i), name, name, name)));
        } else if (!read.add(placeholder.group(1))) {
          problems.add(v.at("previousSecrets", i,
              Message.PREVIOUS_SECRET_TWICE.format(previous.get(i), placeholder.group(1))));
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
  private static final Pattern CLAIM_PATH_TAKEN = Pattern.compile(JwtSecured.CLAIM_PATH_TAKEN);
  private static final Pattern CLAIM_PATH_NUMERIC_DATE = Pattern.compile(JwtSecured.CLAIM_PATH_NUMERIC_DATE);

  /**
   * A verifier-only configuration: the URI, its algorithms and claim path, and nothing of issuing; and, since a
   * provider's keys sign tokens for many issuers and audiences, an issuer and an audience to tell ours apart.
   */
  private static void validateKeySet(ConfigValues v, String jwksUri, List<Diagnostic> problems) {
    validateVerifierOnly(v, "jwksUri", problems);
    String literal = inSource(jwksUri);
    if (literal != null && !secureUri(literal)) {
      problems.add(v.at("jwksUri", Message.JWKS_URI_INVALID.format(literal)));
    }
    if (v.string("issuer").isEmpty() && v.strings("acceptedIssuers").isEmpty()) {
      problems.add(v.at("jwksUri", Message.KEY_SET_WITHOUT_ISSUER.format(jwksUri)));
    }
    if (v.strings("audience").isEmpty()) {
      problems.add(v.at("jwksUri", Message.KEY_SET_WITHOUT_AUDIENCE.format(jwksUri)));
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
      if (!KeyFamilies.known(algorithms.get(i))) {
        problems.add(v.at("keyAlgorithms", i, Message.KEY_ALGORITHM_UNKNOWN.format(algorithms.get(i))));
      }
    }
    checkClaimPath(v, problems);
    var numeric = CLAIM_PATH_NUMERIC_DATE.matcher(v.string("rolesClaim"));
    if (numeric.matches()) {
      problems.add(v.at("rolesClaim", Message.ROLES_CLAIM_INVALID.format(v.string("rolesClaim"), "names the \""
          + numeric.group(2) + "\" claim, a NumericDate (RFC 7519 section 4.1): roles are never there, and a token"
          + " with roles there is refused. Name the claim the issuer writes roles at, such as \"roles\" or"
          + " \"realm_access.roles\"")));
    }
  }

  private static void checkClaimPath(ConfigValues v, List<Diagnostic> problems) {
    String rolesClaim = v.string("rolesClaim");
    boolean form = CLAIM_PATH.matcher(rolesClaim).matches();
    int names = form ? ClaimPaths.names(rolesClaim).size() : 0;
    if (!form) {
      problems.add(v.at("rolesClaim", Message.ROLES_CLAIM_INVALID.format(rolesClaim,
          "is not a claim path: write a claim name, or names joined by '.' for a nested one, such as"
              + " \"realm_access.roles\"; a name with other characters between double quotes, such as"
              + " resource_access.\\\"com.example.shop\\\".roles (and a URI too, in a path with quotes)")));
    } else if (names > JwtSecured.MAX_CLAIM_PATH_NAMES) {
      problems.add(v.at("rolesClaim", Message.ROLES_CLAIM_INVALID.format(rolesClaim, "has " + names + " names: a"
          + " token nests at most 32 levels deep (its claims, the objects on the path, the roles), so a path has at"
          + " most " + JwtSecured.MAX_CLAIM_PATH_NAMES)));
    }
  }

  /**
   * The part of a setting written in the source: the value itself, or a placeholder's fallback, which is held to the
   * same rules as the value (as the secret's is); {@code null} for a placeholder without a fallback.
   */
  private static String inSource(String value) {
    var placeholder = PLACEHOLDER.matcher(value);
    return placeholder.matches() ? placeholder.group(2) : value;
  }

  /**
   * {@link #inSource} of a key setting, where {@code "file:"} and a path also names a key kept elsewhere ({@code
   * null}): a private key written there is in the source too.
   */
  private static String writtenHere(String value) {
    String written = inSource(value);
    return written == null || written.matches("file:.+") ? null : written;
  }

  /**
   * The key a PEM public key written in the source holds.
   *
   * @throws IllegalArgumentException saying why it holds none, as a clause to append to a message
   */
  private static PublicKey literalPublicKey(String pem) {
    if (!pem.startsWith("-----BEGIN PUBLIC KEY-----")) {
      throw new IllegalArgumentException("");
    }
    byte[] der;
    try {
      der = java.util.Base64.getDecoder().decode(pem.replace("-----BEGIN PUBLIC KEY-----", "")
          .replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(": its base64 is broken");
    }
    for (String type : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        PublicKey key = java.security.KeyFactory.getInstance(type)
            .generatePublic(new java.security.spec.X509EncodedKeySpec(der));
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
          throw new IllegalArgumentException(": an RSA key needs at least 2048 bits, this one has "
              + rsa.getModulus().bitLength());
        }
        return key;
      } catch (java.security.GeneralSecurityException e) {
        // the next type
      }
    }
    throw new IllegalArgumentException(": it is none of them");
  }

  /** Why rotation public keys written in the source are not one or more keys a private key's kind, or {@code null}. */
  private static String literalRotationKeysProblem(String text) {
    String end = "-----END PUBLIC KEY-----";
    String rest = text.strip();
    if (rest.isEmpty()) {
      return ": this one holds no key";
    }
    try {
      while (!rest.isEmpty()) {
        int stop = rest.indexOf(end);
        PublicKey key = literalPublicKey(stop < 0 ? rest : rest.substring(0, stop + end.length()));
        if (!(key instanceof RSAPublicKey)
            && !(key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256)) {
          return ": this one holds " + (key instanceof ECPublicKey ? "an EC key of another curve"
              : "an " + key.getAlgorithm() + " key");
        }
        rest = stop < 0 ? "" : rest.substring(stop + end.length()).strip();
      }
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Whether a key set may be fetched from {@code text}: the runtime's rule ({@link JwksUris}), carried in this jar. */
  private static boolean secureUri(String text) {
    try {
      return JwksUris.problem(new java.net.URI(text)) == null;
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
