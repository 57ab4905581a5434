package dev.jwtsecured.sample;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Bounds the warnings Jetty logs about what a client sent. Jetty's HTTP parser and authority parser write one warning
 * per malformed request ({@code Encountered multiple `Host` headers ...}, {@code Bad Authority: [...]}), quoting the
 * client's text, up to the 16 KiB a header may hold: without a bound any client could write to the log as fast as it
 * can send requests. The request itself is answered 400 either way.
 *
 * <p>At most {@value #PER_MINUTE} such lines are logged per minute, each cut at {@value #MAX_LENGTH} characters; the
 * next line logged says how many were left out. Only these loggers are bounded; Jetty's other warnings (the server's
 * own failures) are logged as they come.
 */
final class ClientWarnings implements Filter {
  static final int PER_MINUTE = 10;
  static final int MAX_LENGTH = 200;

  /** The loggers whose warnings quote a malformed request. Held here: the logging system keeps loggers weakly. */
  private static final List<Logger> LOGGERS = List.of(
      Logger.getLogger("org.eclipse.jetty.http.HttpParser"),
      Logger.getLogger("org.eclipse.jetty.util.HostPort"));

  private long minute = Long.MIN_VALUE;
  private int logged;
  private long leftOut;

  /** Bounds the loggers that have no filter of the logging configuration's own. */
  static void install() {
    ClientWarnings bound = new ClientWarnings();
    for (Logger logger : LOGGERS) {
      if (logger.getFilter() == null) {
        logger.setFilter(bound);
      }
    }
  }

  @Override
  public synchronized boolean isLoggable(LogRecord record) {
    // Records of threads racing at the turn of a minute may come a little out of order: the window only moves on.
    long now = record.getInstant().getEpochSecond() / 60;
    if (now > minute) {
      minute = now;
      logged = 0;
    }
    if (logged == PER_MINUTE) {
      leftOut++;
      return false;
    }
    logged++;
    String message = String.valueOf(record.getMessage());
    if (message.length() > MAX_LENGTH) {
      message = message.substring(0, MAX_LENGTH) + "... (" + (message.length() - MAX_LENGTH) + " more characters)";
    }
    if (leftOut > 0) {
      message += " (" + leftOut + " more warnings about malformed requests not logged before this one: at most "
          + PER_MINUTE + " a minute)";
      leftOut = 0;
    }
    record.setMessage(message);
    return true;
  }
}
