package dev.jwtsecured.runtime.internal;

/**
 * Marks the resources the processor generates (token endpoint, OpenAPI document). They check what they need
 * themselves, so no configuration binds its filter to them, whichever configuration generated them.
 */
public interface GeneratedResource {}
