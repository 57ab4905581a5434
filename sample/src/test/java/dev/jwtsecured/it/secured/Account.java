package dev.jwtsecured.it.secured;

/** The user type of {@link ItSecurity}. */
public record Account(String name) {}
