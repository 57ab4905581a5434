package dev.jwtsecured.testing;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.ServletException;
import jakarta.ws.rs.core.Application;
import java.net.InetSocketAddress;
import org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet;

/**
 * Apache CXF's JAX-RS servlet ({@code CXFNonSpringJaxrsServlet}, as a war or Apache TomEE deploys an application) on
 * Undertow's servlet container.
 */
final class CxfServer {
  private CxfServer() {}

  /**
   * {@code application} in a servlet context at {@code contextPath}, its servlet mapped to {@code servletPath + "/*"}
   * (CXF adds the application's own {@code @ApplicationPath}, if any, below it).
   */
  static TestServer.Started start(String contextPath, String servletPath, Application application) {
    String context = contextPath.isEmpty() ? "/" : contextPath;
    DeploymentInfo deployment = Servlets.deployment()
        .setClassLoader(CxfServer.class.getClassLoader())
        .setContextPath(context)
        .setDeploymentName("cxf" + contextPath + servletPath)
        .addServlet(Servlets.servlet("jaxrs", CXFNonSpringJaxrsServlet.class,
                new ImmediateInstanceFactory<>(new CXFNonSpringJaxrsServlet(application)))
            .addMapping(servletPath + "/*")
            // As a war's web.xml says <async-supported>: CXF answers suspended and CompletionStage methods only then.
            .setAsyncSupported(true)
            // CXF finds no JSON provider by itself: its users name one, as here Jackson's.
            .addInitParam("jaxrs.providers", "com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider")
            .setLoadOnStartup(1))
        // The README's wrapper for request targets Undertow passes on and its servlet container fails on (500).
        .addInitialHandlerChainWrapper(new UndertowTargets(true));
    DeploymentManager manager = Servlets.newContainer().addDeployment(deployment);
    manager.deploy();
    Undertow server;
    try {
      server = Undertow.builder()
          .addHttpListener(0, "127.0.0.1")
          // The library's own bound on token request bodies is what the suite tests, as on the other servers.
          .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L)
          .setHandler(Handlers.path().addPrefixPath(context, manager.start()))
          .build();
    } catch (ServletException e) {
      throw new IllegalStateException(e);
    }
    server.start();
    int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    return TestServer.Started.of(port, () -> {
      server.stop();
      try {
        manager.stop();
      } catch (ServletException e) {
        throw new IllegalStateException(e);
      }
      manager.undeploy();
    });
  }
}
