package com.example.desk;

import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The helpdesk's JWT security: a token endpoint at /api/login, an OpenAPI document, everything else protected. A CDI
 * bean, so that its handlers use the staff directory CDI injects.
 */
@ApplicationScoped
@JwtSecured(secret = "${DESK_SECRET}", tokenUrl = "/login", openApiPath = "/openapi.json")
public class HelpdeskSecurity {
  private final Directory directory;

  @Inject
  public HelpdeskSecurity(Directory directory) {
    this.directory = directory;
  }

  /** For CDI's proxy. */
  protected HelpdeskSecurity() {
    this.directory = null;
  }

  @Authenticator
  Optional<Grant> login(String username, String password) {
    return directory.check(username, password).map(roles -> Grant.of(username).withRoles(roles));
  }

  @UserRetriever
  Optional<Agent> agent(Token token) {
    return directory.exists(token.subject()) ? Optional.of(new Agent(token.subject())) : Optional.empty();
  }
}
