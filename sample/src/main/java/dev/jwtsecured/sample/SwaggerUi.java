package dev.jwtsecured.sample;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Swagger UI, served from the {@code org.webjars:swagger-ui} jar (no CDN), pointed at the generated document at
 * {@code /schema/openapi.json}. Its "Authorize" button logs in against the token endpoint of the oauth2 example.
 *
 * <p>Each example has its own subclass at {@code /schema/swagger} in its own package, so that the processor sees it
 * with that example's configuration and the example's {@code /schema(/.*)?} exclusion makes it public. A resource
 * outside every configuration's packages would be one the processor did not classify: it would need a valid token.
 */
public abstract class SwaggerUi {
  private static final String VERSION = version();
  /** The distribution files the page needs; the webjar's stock pages (which load the Petstore demo) are not served. */
  private static final Map<String, String> FILES = Map.of(
      "swagger-ui.css", "text/css",
      "swagger-ui-bundle.js", "text/javascript",
      "favicon-32x32.png", "image/png",
      "favicon-16x16.png", "image/png");
  /** Only this site's own scripts, styles and connections, and no framing (clickjacking). */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self';"
      + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
      + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  private static final String PAGE = String.join("\n",
      "<!DOCTYPE html>",
      "<html lang=\"en\">",
      "<head>",
      "  <meta charset=\"utf-8\">",
      "  <title>jwtsecured sample API</title>",
      "  <link rel=\"stylesheet\" href=\"swagger/swagger-ui.css\">",
      "</head>",
      "<body>",
      "  <div id=\"swagger-ui\"></div>",
      "  <script src=\"swagger/swagger-ui-bundle.js\"></script>",
      "  <script src=\"swagger/init.js\"></script>",
      "</body>",
      "</html>",
      "");
  /**
   * Starts Swagger UI on the example's document, {@code /schema/openapi.json} relative to the page (as the page's own
   * links are), so that it works below a servlet context path too; a file of its own, as the policy allows no inline
   * script.
   */
  private static final String INIT = "window.ui = SwaggerUIBundle({url: 'openapi.json', dom_id: '#swagger-ui'});\n";

  private static String version() {
    Properties p = new Properties();
    try (InputStream in = SwaggerUi.class.getResourceAsStream("/jwtsecured-sample.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("swagger-ui.version");
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page() {
    return secured(Response.ok(PAGE, MediaType.TEXT_HTML_TYPE)).header("Cache-Control", "no-cache").build();
  }

  @GET
  @Path("init.js")
  @Produces("text/javascript")
  public Response init() {
    return secured(Response.ok(INIT, "text/javascript")).header("Cache-Control", "no-cache").build();
  }

  /** A file of the Swagger UI distribution the page needs; any other name is a 404. */
  @GET
  @Path("{file: [A-Za-z0-9._-]+}")
  public Response file(@PathParam("file") String file) {
    String type = FILES.get(file);
    InputStream in = type == null ? null : SwaggerUi.class.getResourceAsStream(
        "/META-INF/resources/webjars/swagger-ui/" + VERSION + "/" + file);
    if (in == null) {
      throw new NotFoundException();
    }
    return secured(Response.ok(in, type)).header("Cache-Control", "public, max-age=3600").build();
  }

  private static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
    return response
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer");
  }
}
