package dev.jwtsecured.runtime.internal;

import dev.jwtsecured.runtime.AuthFailure;
import java.util.Objects;

/**
 * Thrown inside the runtime and generated filter when a request fails authentication; the filter turns it into the
 * response of its {@link AuthFailure}. It has no message of its own beyond the failure's fixed description and records
 * no stack trace: it is an expected outcome, not a fault.
 */
public final class AuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final AuthFailure failure;

  public AuthException(AuthFailure failure) {
    super(Objects.requireNonNull(failure).name(), null, false, false);
    this.failure = failure;
  }

  public AuthFailure failure() {
    return failure;
  }
}
