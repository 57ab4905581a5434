package com.example.kiosk;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Quarkus REST finds resources and providers at build time; the application only gives the path. */
@ApplicationPath("/api")
public class KioskApplication extends Application {}
