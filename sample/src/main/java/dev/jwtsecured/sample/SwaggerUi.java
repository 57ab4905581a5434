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
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript", "css", "text/css", "png", "image/png", "html", "text/html", "map", "application/json");
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
      "  <script>",
      "    window.ui = SwaggerUIBundle({url: '/schema/openapi.json', dom_id: '#swagger-ui'});",
      "  </script>",
      "</body>",
      "</html>",
      "");

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
  public String page() {
    return PAGE;
  }

  /** A file of the Swagger UI distribution: only plain names from the webjar's own directory. */
  @GET
  @Path("{file: [A-Za-z0-9._-]+}")
  public Response file(@PathParam("file") String file) {
    String extension = file.substring(file.lastIndexOf('.') + 1);
    String type = TYPES.get(extension);
    InputStream in = type == null || file.startsWith(".") ? null : SwaggerUi.class.getResourceAsStream(
        "/META-INF/resources/webjars/swagger-ui/" + VERSION + "/" + file);
    if (in == null) {
      throw new NotFoundException();
    }
    return Response.ok(in, type).header("Cache-Control", "public, max-age=3600").build();
  }
}
