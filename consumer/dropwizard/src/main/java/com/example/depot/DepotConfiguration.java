package com.example.depot;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;

/** The depot's YAML configuration: Dropwizard's server settings, and the token secret. */
public class DepotConfiguration extends Configuration {
  @JsonProperty
  private String jwtSecret;

  /** The token secret; the YAML takes it from the environment ({@code ${DEPOT_SECRET}}). */
  public String jwtSecret() {
    return jwtSecret;
  }
}
