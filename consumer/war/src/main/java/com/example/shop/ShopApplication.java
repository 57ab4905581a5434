package com.example.shop;

import com.example.shop.orders.Admin;
import com.example.shop.orders.Orders;
import com.example.shop.orders.ShopSecurity;
import com.example.shop.orders.ShopSecurityJwtFeature;
import com.example.shop.partners.PartnerSecurityJwtFeature;
import com.example.shop.partners.Partners;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The application, as in any war: the server finds it by its annotation and serves it at /shop/api. */
@ApplicationPath("/api")
public class ShopApplication extends Application {
  private final ShopSecurityJwtFeature jwt = new ShopSecurityJwtFeature(new ShopSecurity());
  private final PartnerSecurityJwtFeature partners = new PartnerSecurityJwtFeature();

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(ShopSecurityJwtFeature.classes()); // token endpoint, check
    classes.add(Orders.class);
    classes.add(Admin.class);
    classes.addAll(PartnerSecurityJwtFeature.classes());
    classes.add(Partners.class);
    return classes;
  }

  /**
   * For GlassFish, which loads its own {@code @RolesAllowed} enforcement through {@code META-INF/services}: Jersey then
   * looks there no more. Other runtimes ignore the property.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.disableMetainfServicesLookup", true);
  }

  @SuppressWarnings("deprecation") // still the portable way to register an instance without CDI
  @Override
  public Set<Object> getSingletons() {
    return Set.of(jwt, partners);
  }
}
