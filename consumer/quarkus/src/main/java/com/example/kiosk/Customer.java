package com.example.kiosk;

/** The kiosk's user type. */
public record Customer(String name) {}
