package dev.jwtsecured.sample.oauth2;

import java.util.List;

/** A user of the OAuth2 example, as {@code GET /some-path} shows it. */
public record DemoUser(String username, List<String> roles) {}
