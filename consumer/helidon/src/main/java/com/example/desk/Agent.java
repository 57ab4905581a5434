package com.example.desk;

/** The helpdesk's user type. */
public record Agent(String name) {}
