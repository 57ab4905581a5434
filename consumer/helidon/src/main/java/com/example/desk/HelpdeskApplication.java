package com.example.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Helidon finds resources and providers as CDI beans; the application gives the path only. */
@ApplicationScoped
@ApplicationPath("/api")
public class HelpdeskApplication extends Application {}
