package dev.jwtsecured.testing;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.ws.rs.core.Application;
import java.net.InetSocketAddress;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;

/** RESTEasy on Undertow: 7.0 (Jakarta REST 4.0), or 6.2 (3.1) in the suite's run on that release. */
final class ResteasyServer extends UndertowJaxrsServer {
  private ResteasyServer() {}

  static TestServer.Started start(String contextPath, Application application) {
    return start(contextPath, null, application);
  }

  /**
   * {@code application} in a servlet context at {@code contextPath}, its servlet mapped to {@code servletPath + "/*"}
   * as a servlet container maps an {@code @ApplicationPath}; {@code null} for RESTEasy's own choice.
   */
  static TestServer.Started start(String contextPath, String servletPath, Application application) {
    ResteasyServer server = new ResteasyServer();
    // Undertow 2.3.24 (RESTEasy 6.2.16's) refuses a body declared over 2 MiB itself, with a 500, before any JAX-RS
    // code runs; the suite tests the library's own bound, so that limit is lifted here as the others' are.
    server.start(Undertow.builder().addHttpListener(0, "127.0.0.1")
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L));
    ResteasyDeployment deployment = new ResteasyDeploymentImpl();
    deployment.setApplication(application);
    deployment.setWiderRequestMatching(Boolean.getBoolean(TestServer.RESTEASY_WIDER_MATCHING));
    // The README's filter for a Content-Type quality RESTEasy cannot read (its 500 showed the exception's message).
    deployment.getActualProviderClasses().add(ContentTypeQualities.class);
    DeploymentInfo info = servletPath == null
        ? server.undertowDeployment(deployment).setContextPath(contextPath.isEmpty() ? "/" : contextPath)
        : server.undertowDeployment(deployment, servletPath).setContextPath(contextPath);
    // The README's wrapper for request targets Undertow passes on and its servlet container fails on (500); not for
    // Host headers, which RESTEasy serves and the library refuses where it needs the request's URI (MalformedHostTest).
    server.deploy(info.setDeploymentName("jwtsecured" + contextPath)
        .setClassLoader(ResteasyServer.class.getClassLoader())
        .addInitialHandlerChainWrapper(new UndertowTargets(false)));
    int port = ((InetSocketAddress) server.server.getListenerInfo().get(0).getAddress()).getPort();
    return TestServer.Started.of(port, server::stop);
  }
}
