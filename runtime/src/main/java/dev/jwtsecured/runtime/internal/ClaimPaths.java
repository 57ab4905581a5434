package dev.jwtsecured.runtime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * How a {@code rolesClaim} path reads: one definition for {@link ClaimRules} (which reads roles there),
 * {@link TokenCodec} and the settings (which bound its length), and the processor's check of it, whose jar carries
 * this class.
 */
public final class ClaimPaths {
  private ClaimPaths() {}

  /**
   * The names of the nested objects {@code rolesClaim} (of the form {@link dev.jwtsecured.JwtSecured#CLAIM_PATH})
   * leads through: split at {@code .}, unless it is a URI ({@code https://shop.example.com/roles}, a
   * collision-resistant name as RFC 7519 section 4.2 suggests and Auth0 requires), which names one claim, dots and
   * all; a name between double quotes is one name, its dots and all ({@code resource_access."com.example.shop".roles}
   * leads through three).
   */
  public static List<String> names(String rolesClaim) {
    if (rolesClaim.indexOf('"') < 0) {
      return rolesClaim.contains("://") ? List.of(rolesClaim) : List.of(rolesClaim.split("\\."));
    }
    List<String> names = new ArrayList<>();
    for (int start = 0; start < rolesClaim.length(); ) {
      boolean quoted = rolesClaim.charAt(start) == '"';
      int end = quoted ? rolesClaim.indexOf('"', start + 1) + 1 : rolesClaim.indexOf('.', start);
      end = end < 0 ? rolesClaim.length() : end;
      names.add(quoted ? rolesClaim.substring(start + 1, end - 1) : rolesClaim.substring(start, end));
      start = end + 1;
    }
    return List.copyOf(names);
  }
}
