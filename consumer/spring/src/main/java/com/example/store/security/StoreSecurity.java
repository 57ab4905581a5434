package com.example.store.security;

import com.example.store.Users;
import dev.jwtsecured.Authenticator;
import dev.jwtsecured.JwtSecured;
import dev.jwtsecured.UserRetriever;
import dev.jwtsecured.runtime.Grant;
import dev.jwtsecured.runtime.Token;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The store's JWT security, a Spring bean given the users by the constructor Lombok makes: a token endpoint at
 * /api/login; the resources in com.example.store.api.
 */
@Component
@RequiredArgsConstructor
@JwtSecured(secret = "${store.secret}", tokenUrl = "/login", basePackages = "com.example.store.api")
public class StoreSecurity {
  private final Users users;

  @Authenticator
  Optional<Grant> login(String username, String password) {
    return users.check(username, password).map(user -> Grant.of(user.name()).withRoles(user.roles()));
  }

  @UserRetriever
  Optional<Users.User> user(Token token) {
    return users.find(token.subject());
  }
}
