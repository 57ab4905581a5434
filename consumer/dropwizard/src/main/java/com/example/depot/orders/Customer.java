package com.example.depot.orders;

/** The depot's user type. */
public record Customer(String name) {}
