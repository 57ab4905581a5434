package com.example.shop.orders;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Marks the text a resource answers, so that a caller sees the interceptor ran. */
@Logged
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class LoggedInterceptor {
  @AroundInvoke
  public Object around(InvocationContext context) throws Exception {
    Object result = context.proceed();
    return result instanceof String text ? text + " (intercepted)" : result;
  }
}
