/**
 * The processor's shell: {@link dev.jwtsecured.processor.JwtSecuredProcessor} runs the rounds, defers configurations
 * whose types are not generated yet, and reports any internal failure per configuration. The work happens in the
 * subpackages, in pipeline order: {@code validation} (read and check, build the model), {@code model} (what was
 * decided), {@code generation} (one generator per output), {@code writing} (files, with originating elements).
 */
package dev.jwtsecured.processor;
