package com.example.shop.orders;

/** The shop's user type. */
public record Customer(String name) {}
