package dev.jwtsecured.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the library logs ({@code java.util.logging} logger {@code dev.jwtsecured}, where {@code System.Logger} goes by
 * default), or another logger and its children, between its creation and {@link #close()}.
 */
public final class LibraryLog implements AutoCloseable {
  private final Logger logger;
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (records) {
        records.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** Starts recording the library's log. */
  public LibraryLog() {
    this("dev.jwtsecured");
  }

  /** Starts recording the logger {@code name} ({@code ""}: every logger). */
  public LibraryLog(String name) {
    logger = Logger.getLogger(name);
    logger.addHandler(handler);
  }

  /** The records so far. */
  public List<LogRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  /** The records whose message contains {@code text}. */
  public List<LogRecord> containing(String text) {
    return records().stream().filter(r -> String.valueOf(r.getMessage()).contains(text)).toList();
  }

  /** Every record, level and message, for an assertion's message. */
  @Override
  public String toString() {
    return records().stream().map(r -> r.getLevel() + " " + r.getMessage()).toList().toString();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
