/**
 * The shop as a named module, as the README's "A named module" section shows it. Maven and the README's javac
 * command build the shop on the class path; {@code .ci/consumer} also compiles it with this descriptor on the module
 * path and runs it there on Jersey.
 */
module com.example.shop {
  requires dev.jwtsecured;
  requires dev.jwtsecured.runtime;
  requires jakarta.ws.rs;
  requires jakarta.annotation; // only for @RolesAllowed and the other JSR-250 annotations
  opens com.example.shop;
  opens com.example.shop.orders;
}
