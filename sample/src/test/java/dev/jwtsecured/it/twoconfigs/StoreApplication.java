package dev.jwtsecured.it.twoconfigs;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * One application for the two configurations of its subpackages: an object store's buckets and its staff's login.
 * {@code TwoConfigurationsTest} starts it.
 */
@ApplicationPath("/api")
public class StoreApplication extends Application {}
