package dev.jwtsecured.sample;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * Holds back an answer's body up to a limit, so that an answer that fits goes out with its {@code Content-Length}, its
 * head and body in one write. Jersey buffers answers this way on its other containers; its Jetty 12 container turns
 * that off, and every answer went out without a length: on a connection kept alive, chunked, its head and body in one
 * write and the closing chunk in a second (two packets, with {@code TCP_NODELAY}). As in Jersey's own buffer, a flush
 * before the limit is reached sends nothing; a body that passes the limit is streamed from there on, and Jersey's
 * {@link ChunkedOutput} (server-sent events among them) is never held.
 *
 * <p>A HEAD answer, which has no body, gets the length its GET answer's body would have, whatever its size (the
 * container said 0 for any answer over its limit, which RFC 9110 section 8.6 forbids).
 *
 * <p>Registered first among the writer interceptors, it buffers the bytes that reach the connection, after any
 * encoding. A writer that fails before the limit leaves nothing sent, so the failure still becomes a whole error
 * answer.
 */
final class ContentLengthBuffer implements WriterInterceptor {
  private final int limit;

  ContentLengthBuffer(int limit) {
    this.limit = limit;
  }

  /** The request being answered (a proxy Jersey resolves per request). */
  @Context
  private Request request;

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    if (context.getEntity() instanceof ChunkedOutput<?>) {
      context.proceed();
      return;
    }
    OutputStream connection = context.getOutputStream();
    if (HttpMethod.HEAD.equals(request.getMethod())) {
      // No body goes out: count it whole for the length a GET would send (RFC 9110 section 8.6); Jetty would
      // otherwise count the bytes sent, none, and say 0 for any answer over the limit.
      Counted counted = new Counted();
      context.setOutputStream(counted);
      context.proceed();
      context.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, Long.toString(counted.count));
      context.setOutputStream(connection);
      return;
    }
    Held held = new Held(connection, limit, context.getHeaders());
    context.setOutputStream(held);
    context.proceed();
    held.finish();
    context.setOutputStream(connection);
  }

  /** Counts what a HEAD answer's writer writes, and drops it. */
  private static final class Counted extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** The body so far, until it passes the limit; then the connection's stream, written through. */
  private static final class Held extends OutputStream {
    private final OutputStream connection;
    private final int limit;
    private final MultivaluedMap<String, Object> headers;
    private byte[] bytes = new byte[512];
    private int count;
    /** Set once the body passed the limit: everything goes straight to the connection. */
    private boolean streaming;
    private boolean finished;

    Held(OutputStream connection, int limit, MultivaluedMap<String, Object> headers) {
      this.connection = connection;
      this.limit = limit;
      this.headers = headers;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (finished) {
        throw new IOException("the answer was already sent");
      }
      if (!streaming && len <= limit - count) {
        if (count + len > bytes.length) {
          bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(bytes.length * 2, count + len)));
        }
        System.arraycopy(b, off, bytes, count, len);
        count += len;
        return;
      }
      if (!streaming) {
        streaming = true;
        connection.write(bytes, 0, count);
        bytes = null;
      }
      connection.write(b, off, len);
    }

    /** Sends nothing before the limit is passed (an answer that fits goes out whole, with its length). */
    @Override
    public void flush() throws IOException {
      if (streaming) {
        connection.flush();
      }
    }

    @Override
    public void close() throws IOException {
      finish();
      connection.close();
    }

    /** Sends a held body with its length; nothing more to do for a streamed one. */
    void finish() throws IOException {
      if (finished) {
        return;
      }
      finished = true;
      if (!streaming) {
        headers.putSingle(HttpHeaders.CONTENT_LENGTH, Integer.toString(count));
        connection.write(bytes, 0, count);
        bytes = null;
      }
    }
  }
}
