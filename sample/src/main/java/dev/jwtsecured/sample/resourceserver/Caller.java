package dev.jwtsecured.sample.resourceserver;

import java.util.List;

/** Who called, as the token says: its subject and its roles. */
public record Caller(String subject, List<String> roles) {}
