package com.example.store.security;

import com.example.store.Users;
import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The store's JWT security, a Spring bean: a token endpoint at /api/login; the resources in com.example.store.api. */
@Component
@JwtSecured(secret = "${store.secret}", tokenUrl = "/login", basePackages = "com.example.store.api")
public class StoreSecurity {
  private final Users users;

  public StoreSecurity(Users users) {
    this.users = users;
  }

  @Authenticator
  Optional<Grant> login(String username, String password) {
    return users.check(username, password).map(user -> Grant.of(user.name()).withRoles(user.roles()));
  }

  @UserRetriever
  Optional<Users.User> user(Token token) {
    return users.find(token.subject());
  }
}
