package com.example.store;

import com.example.store.api.Admin;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Wraps the {@link Admin} bean in a CGLIB subclass proxy, as {@code @Transactional}, {@code @Cacheable} or any other
 * advice on a class does: Jersey then calls the resource through a subclass that carries none of its annotations. The
 * advice marks the text the methods answer, so that a caller sees the proxy ran.
 */
@Component
public class Proxies implements BeanPostProcessor {
  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (!(bean instanceof Admin)) {
      return bean;
    }
    ProxyFactory factory = new ProxyFactory(bean);
    factory.setProxyTargetClass(true);
    factory.addAdvice((MethodInterceptor) invocation -> invocation.proceed() + " (proxied)");
    return factory.getProxy();
  }
}
