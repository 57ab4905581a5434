/**
 * Reading and checking: the annotation values ({@code AnnotationValues}, {@code ConfigValues}), the resource routes
 * ({@code RouteScanner}), the application path, and one validator per concern (class, settings, handler methods,
 * routes). Validators return {@code Diagnostic}s carrying their {@code Message} (and so their kind); the
 * {@code ConfigValidator} combines them into a model, a deferral or a list of problems.
 */
package dev.jwtsecured.processor.validation;
