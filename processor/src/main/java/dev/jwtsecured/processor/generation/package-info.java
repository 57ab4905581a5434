/**
 * One {@code SourceGenerator} per generated type, each deciding with {@code applies} whether its output exists for a
 * configuration, plus the OpenAPI document and route report generators. Type names of the runtime and of JAX-RS are
 * in {@code GeneratedTypes}.
 */
package dev.jwtsecured.processor.generation;
