/**
 * What validation decided, as immutable records with enums: the configuration, its handler methods, its settings and
 * every route with its policy. Generators read only these, never an {@code Element} or the {@code Messager}.
 */
package dev.jwtsecured.processor.model;
