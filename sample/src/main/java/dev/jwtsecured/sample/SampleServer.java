package dev.jwtsecured.sample;

import dev.jwtsecured.runtime.JwtSettings;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * One example application on Jersey's Jetty 12 container, configured as one would in production (see {@link Limits}):
 * TCP_NODELAY, strict HTTP/1.1 parsing (RFC 7230 compliance: no bare CR or LF-only lines, no duplicate {@code Host},
 * no malformed {@code Content-Length}), bounded header and body sizes (431, 413), an idle timeout, a deadline for a new
 * connection's first request header, and a connection limit under which idle connections are cut short. Tests start it
 * on port 0.
 */
public final class SampleServer implements AutoCloseable {
  /**
   * The header the server sets to the TCP peer's address, replacing any the client sent; the configurations read the
   * client address for their login throttle from it ({@code clientAddressHeader}).
   */
  public static final String CLIENT_ADDRESS_HEADER = "X-Client-Address";

  /**
   * The largest answer held back to go out with its {@code Content-Length}, its head and body in one write (Jersey's
   * default on its other containers); a larger one is streamed, chunked.
   */
  public static final int RESPONSE_BUFFER_BYTES = 8 * 1024;

  /** How long stopping waits for requests in flight: within the 30 s a container gives after SIGTERM. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  /**
   * Jetty's loggers (through SLF4J into {@code java.util.logging}, as Jersey's and the library's): warnings and errors
   * only, unless the logging configuration sets a level; its warnings about malformed requests within {@link
   * ClientWarnings}' bound. Held here: the logging system keeps loggers weakly.
   */
  private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");

  static {
    if (JETTY_LOG.getLevel() == null) {
      JETTY_LOG.setLevel(Level.WARNING);
    }
    ClientWarnings.install();
  }

  /** The server's bounds. {@link #DEFAULT} is what {@code java -jar} uses. */
  public record Limits(Duration idleTimeout, Duration firstRequestDeadline, int maxConnections,
      Duration idleTimeoutAtLimit, int maxRequestHeaderBytes, long maxRequestBodyBytes) {
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), Duration.ofSeconds(10), 2_000,
        Duration.ofSeconds(1), 16 * 1024, 1024 * 1024);

    /** These limits with another first-request deadline (tests use a short one). */
    public Limits withFirstRequestDeadline(Duration deadline) {
      return new Limits(idleTimeout, deadline, maxConnections, idleTimeoutAtLimit, maxRequestHeaderBytes,
          maxRequestBodyBytes);
    }
  }

  private final Server server;

  private SampleServer(Server server) {
    this.server = server;
  }

  /**
   * Starts {@code example} on {@code host:port} (port 0: any free port) with the default limits.
   *
   * @param settings adjusts the generated settings before they are built (the secret, a clock)
   */
  public static SampleServer start(Example example, String host, int port,
      UnaryOperator<JwtSettings.Builder> settings) {
    return serve(example.application(settings), "", host, port, Limits.DEFAULT);
  }

  /** Serves {@code application} under {@code contextPath} on {@code host:port} with {@code limits}. */
  public static SampleServer serve(Application application, String contextPath, String host, int port, Limits limits) {
    ResourceConfig config = ResourceConfig.forApplication(application)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
        // First of all writer interceptors: it holds the bytes that reach the connection.
        .register(new ContentLengthBuffer(RESPONSE_BUFFER_BYTES), Integer.MIN_VALUE);
    JettyHttpContainer jersey = ContainerFactory.createContainer(JettyHttpContainer.class, config);
    String address = address(host);
    Server server = JettyHttpContainerFactory.createServer(
        URI.create("http://" + uriHost(address) + ":" + port + contextPath + "/"), null, jersey, false);
    ServerConnector connector = (ServerConnector) server.getConnectors()[0];
    connector.setHost(address);
    connector.setAcceptedTcpNoDelay(true); // no Nagle/delayed-ACK stall between the header and body writes
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    HttpConfiguration http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
    http.setHttpCompliance(HttpCompliance.RFC7230);
    http.setUriCompliance(UriCompliance.DEFAULT);
    http.setRequestHeaderSize(limits.maxRequestHeaderBytes());
    // A login sends its token twice in headers, as Authorization and, with cookie transport, in Set-Cookie: room for
    // two tokens at the default maxTokenLength (8 KiB) and their attributes. Over the limit, Jetty sends nothing.
    http.setResponseHeaderSize(32 * 1024);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    NetworkConnectionLimit limit = new NetworkConnectionLimit(limits.maxConnections(), server);
    limit.setEndPointIdleTimeout(limits.idleTimeoutAtLimit().toMillis());
    server.addBean(limit);
    FirstRequestDeadline deadline = new FirstRequestDeadline(server, limits.firstRequestDeadline());
    connector.addBean(deadline);
    // Stopping (the shutdown hook, on SIGTERM) lets requests in flight finish, for up to STOP_TIMEOUT; a request that
    // comes on a kept-alive connection meanwhile gets 503.
    GracefulHandler graceful = new GracefulHandler(deadline);
    server.setHandler(graceful);
    server.setErrorHandler(new JsonErrors());
    server.setStopTimeout(STOP_TIMEOUT.toMillis());
    // Any request body over the limit is a 413, whatever the resource does with it.
    SizeLimitHandler bodies = new SizeLimitHandler(limits.maxRequestBodyBytes(), -1);
    deadline.setHandler(bodies);
    // A Content-Type whose quality Jersey cannot read, and a target Jersey's container cannot read, are answered here,
    // without the warnings logged for them.
    ContentTypes contentTypes = new ContentTypes();
    bodies.setHandler(contentTypes);
    ReadableTargets targets = new ReadableTargets();
    contentTypes.setHandler(targets);
    if (contextPath.isEmpty()) {
      targets.setHandler(jersey);
    } else {
      // Jersey's Jetty container takes the base path from the context but appends the full request path to it, so
      // it is given the path within the context.
      ContextHandler context = new ContextHandler(contextPath);
      targets.setHandler(context);
      context.setHandler(new Handler.Wrapper(jersey) {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
          HttpURI inContext = HttpURI.build(request.getHttpURI()).path(Request.getPathInContext(request)).asImmutable();
          return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
              return inContext;
            }
          }, response, callback);
        }
      });
    }
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("the server did not start on " + uriHost(address) + ":" + port, e);
    }
    return new SampleServer(server);
  }

  /** {@code host} without the brackets of an IPv6 address written as in a URL ({@code [::1]}). */
  static String address(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /**
   * {@code address} as a URL's host: an IPv6 address in brackets. Without them {@code http://::1:8080/} read as
   * another port (the server listened on port 80).
   */
  static String uriHost(String address) {
    return address.indexOf(':') >= 0 ? "[" + address + "]" : address;
  }

  /** The port the server listens on. */
  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the server did not stop", e);
    }
  }

  /**
   * What the server answers itself (a request it cannot parse or take to the application: 400, 413, 417, 431, 505;
   * 503 while stopping) in the library's error shape, {@code {"status_code": ..., "detail": ...}}, naming the status
   * alone. Jetty's own page is HTML whatever the client accepts, and repeats the request's target and the parser's
   * message. Its {@code Cache-Control: no-store} stays.
   */
  static final class JsonErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
        Callback callback) {
      byte[] body = ("{\"status_code\":" + code + ",\"detail\":\"" + HttpStatus.getMessage(code) + "\"}")
          .getBytes(StandardCharsets.US_ASCII);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put("X-Content-Type-Options", "nosniff");
      response.write(true, ByteBuffer.wrap(body), callback);
    }
  }

  /**
   * Closes a new connection that has not sent a complete request header within the deadline (a slow-loris client
   * dripping header bytes resets the idle timeout with every byte, so the idle timeout alone does not stop it), and
   * sets {@link #CLIENT_ADDRESS_HEADER} on every request.
   */
  static final class FirstRequestDeadline extends Handler.Wrapper implements Connection.Listener {
    private final Server server;
    private final Duration deadline;
    private final Set<Connection> served = ConcurrentHashMap.newKeySet();

    FirstRequestDeadline(Server server, Duration deadline) {
      this.server = server;
      this.deadline = deadline;
    }

    @Override
    public void onOpened(Connection connection) {
      server.getScheduler().schedule(() -> {
        if (!served.contains(connection)) {
          connection.getEndPoint().close();
        }
      }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {
      served.remove(connection);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      served.add(request.getConnectionMetaData().getConnection());
      HttpFields headers = HttpFields.build(request.getHeaders())
          .put(CLIENT_ADDRESS_HEADER, Request.getRemoteAddr(request))
          .asImmutable();
      return super.handle(new Request.Wrapper(request) {
        @Override
        public HttpFields getHeaders() {
          return headers;
        }
      }, response, callback);
    }
  }
}
