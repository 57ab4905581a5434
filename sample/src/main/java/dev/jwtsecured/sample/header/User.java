package dev.jwtsecured.sample.header;

import java.util.UUID;

/** The seed's {@code User} model: an id, a name and an e-mail address. */
public record User(UUID id, String name, String email) {}
