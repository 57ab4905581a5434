package com.example.depot;

import com.example.depot.admin.Admin;
import com.example.depot.orders.DepotSecurity;
import com.example.depot.orders.DepotSecurityJwtFeature;
import com.example.depot.orders.Orders;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.util.Map;

/** The depot, a Dropwizard application: {@code java -cp ... com.example.depot.DepotApplication server depot.yml}. */
public final class DepotApplication extends Application<DepotConfiguration> {
  public static void main(String[] args) throws Exception {
    new DepotApplication().run(args);
  }

  @Override
  public void initialize(Bootstrap<DepotConfiguration> bootstrap) {
    // ${DEPOT_SECRET} in the YAML comes from the environment; an unset variable fails start-up.
    bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
        bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
  }

  @Override
  public void run(DepotConfiguration configuration, Environment environment) {
    // The configuration's ${DEPOT_SECRET} resolved from Dropwizard's configuration instead of the process environment.
    environment.jersey().register(new DepotSecurityJwtFeature(new DepotSecurity(),
        DepotSecurityJwtFeature.settings()
            .environment(Map.of("DEPOT_SECRET", configuration.jwtSecret())::get)
            .build()));
    DepotSecurityJwtFeature.classes().forEach(environment.jersey()::register);
    environment.jersey().register(Orders.class);
    environment.jersey().register(new Admin());
  }
}
