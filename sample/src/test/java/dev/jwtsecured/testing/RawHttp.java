package dev.jwtsecured.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal HTTP/1.1 client over a plain socket. Tests need exactly what goes on the wire: unnormalised paths
 * ({@code /login/../admin}), repeated headers, tabs in header values. {@code java.net.http} rewrites or refuses some of
 * those, so these tests write the request bytes themselves.
 */
public final class RawHttp {
  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** Sends {@code method target} with {@code headers} ({@code "Name: value"} lines) and no body. */
  public Response send(String method, String target, String... headers) {
    return sendBody(method, target, null, headers);
  }

  /** Sends a request with a body; adds {@code Host}, {@code Connection: close} and {@code Content-Length}. */
  public Response sendBody(String method, String target, String body, String... headers) {
    StringBuilder request = new StringBuilder();
    request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    request.append("Host: 127.0.0.1:").append(port).append("\r\n");
    request.append("Connection: close\r\n");
    for (String h : headers) {
      request.append(h).append("\r\n");
    }
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      request.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
      return Response.parse(socket.getInputStream(), method.equals("HEAD"));
    } catch (IOException e) {
      throw new IllegalStateException("request " + method + " " + target + " failed", e);
    }
  }

  /**
   * Sends {@code request} exactly as given (ISO-8859-1 bytes: any line ends, any framing) and reads the response until
   * the server closes the connection; a request should say {@code Connection: close}.
   */
  public Response raw(String request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return Response.parse(socket.getInputStream(), false);
    } catch (IOException e) {
      throw new IllegalStateException("raw request failed", e);
    }
  }

  /** A parsed response. */
  public static final class Response {
    public final int status;
    private final List<String[]> headers;
    public final String body;

    private Response(int status, List<String[]> headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    /** The first value of header {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
      List<String> all = headers(name);
      return all.isEmpty() ? null : all.get(0);
    }

    /** Every value of header {@code name}. */
    public List<String> headers(String name) {
      List<String> values = new ArrayList<>();
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          values.add(h[1]);
        }
      }
      return values;
    }

    /** The {@code Set-Cookie} header that sets cookie {@code name}, attributes included; fails when there is none. */
    public String setCookie(String name) {
      return headers("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
          .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + this));
    }

    /** The value cookie {@code name} is set to. */
    public String cookieValue(String name) {
      String set = setCookie(name);
      int end = set.indexOf(';');
      return set.substring(name.length() + 1, end < 0 ? set.length() : end);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder().append(status).append('\n');
      for (String[] h : headers) {
        s.append(h[0]).append(": ").append(h[1]).append('\n');
      }
      return s.append('\n').append(body).toString();
    }

    /**
     * Reads one response: its head, then as much body as {@code Content-Length} or the chunked encoding says, else up
     * to the end of the stream (none after a HEAD request, a 204 or a 304). It does not wait for the end of the stream
     * when the length is known: a server may answer before a request's declared body arrives and keep the connection
     * open until it has.
     */
    static Response parse(InputStream in, boolean head) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      if (!readThrough(in, all, "\r\n\r\n")) {
        throw new IOException("no complete response head: " + all.toString(StandardCharsets.ISO_8859_1));
      }
      String responseHead = all.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      Matcher length = CONTENT_LENGTH.matcher(responseHead);
      int status = Integer.parseInt(responseHead.substring(0, responseHead.indexOf("\r\n")).split(" ")[1]);
      boolean bodiless = head || status == 204 || status == 304;
      if (bodiless) {
        // No body follows a response to HEAD, nor a 204 or 304 (RFC 9110 6.4.1), whatever its headers say: a server
        // keeping the connection open after one (Jersey's Netty container does, whatever Connection says) would stall
        // a read to the end of the stream.
      } else if (length.find()) {
        all.write(in.readNBytes(Integer.parseInt(length.group(1))));
      } else if (responseHead.contains("\r\ntransfer-encoding: chunked")) {
        readThrough(in, all, "\r\n0\r\n\r\n");
      } else {
        in.transferTo(all);
      }
      byte[] raw = all.toByteArray();
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      List<String[]> headers = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
      }
      byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
      boolean chunked = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding")
          && h[1].toLowerCase(Locale.ROOT).contains("chunked"));
      if (chunked && !bodiless) {
        body = dechunk(body);
      }
      return new Response(status, headers, bodiless ? "" : new String(body, StandardCharsets.UTF_8));
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("\r\ncontent-length: *([0-9]+)\r\n");

    /**
     * Reads into {@code out} until what it holds ends with {@code terminator}; false when the stream ends first.
     */
    private static boolean readThrough(InputStream in, ByteArrayOutputStream out, String terminator)
        throws IOException {
      byte[] wanted = terminator.getBytes(StandardCharsets.ISO_8859_1);
      byte[] held = out.toByteArray();
      byte[] window = new byte[wanted.length];
      int filled = Math.min(held.length, wanted.length);
      System.arraycopy(held, held.length - filled, window, wanted.length - filled, filled);
      while (filled < wanted.length || !java.util.Arrays.equals(window, wanted)) {
        int b = in.read();
        if (b < 0) {
          return false;
        }
        out.write(b);
        System.arraycopy(window, 1, window, 0, wanted.length - 1);
        window[wanted.length - 1] = (byte) b;
        filled = Math.min(filled + 1, wanted.length);
      }
      return true;
    }

    private static byte[] dechunk(byte[] body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int i = 0;
      while (i < body.length) {
        int lineEnd = indexOf(body, i);
        String sizeLine = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1);
        int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
        if (size == 0) {
          break;
        }
        out.write(body, lineEnd + 2, size);
        i = lineEnd + 2 + size + 2;
      }
      return out.toByteArray();
    }

    private static int indexOf(byte[] b, int from) {
      for (int i = from; i + 1 < b.length; i++) {
        if (b[i] == '\r' && b[i + 1] == '\n') {
          return i;
        }
      }
      return b.length;
    }
  }
}
