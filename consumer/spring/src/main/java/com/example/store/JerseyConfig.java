package com.example.store;

import com.example.store.api.Admin;
import com.example.store.api.Orders;
import com.example.store.security.StoreSecurity;
import com.example.store.security.StoreSecurityJwtFeature;
import jakarta.ws.rs.ApplicationPath;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Spring Boot's Jersey configuration: the feature gets the Spring-managed configuration bean and looks up the
 * {@code ${store.secret}} of {@code @JwtSecured} in Spring's environment (application.properties, profiles, the command
 * line); the generated classes and the resources are registered as classes (Jersey then takes the resources from
 * Spring).
 */
@Component
@ApplicationPath("/api")
public class JerseyConfig extends ResourceConfig {
  public JerseyConfig(StoreSecurity security, Environment environment) {
    register(new StoreSecurityJwtFeature(security,
        StoreSecurityJwtFeature.settings().environment(environment::getProperty).build()));
    StoreSecurityJwtFeature.classes().forEach(this::register);
    register(Orders.class);
    register(Admin.class);
  }
}
