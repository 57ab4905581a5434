/**
 * Writing generated files through the {@code Filer}: {@code @Generated} only when the compilation can see it, and the
 * originating elements of every output.
 */
package dev.jwtsecured.processor.writing;
