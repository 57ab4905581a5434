package dev.jwtsecured.runtime.internal;

import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads key-set fetches run on, none of which outlives an application that a server undeploys. A thread takes
 * the context class loader of the thread that starts it: the JDK's HTTP client and {@code CompletableFuture}'s delay
 * scheduler (a thread for the whole JVM, which never ends) started theirs from a web application's thread, so on a
 * redeploy Tomcat warned "appears to have started a thread named [CompletableFutureDelayScheduler] but has failed to
 * stop it", and that thread held the undeployed application's class loader for as long as the JVM ran. The threads
 * here have no context class loader, and end after a few idle seconds; the client's selector thread, which ends with
 * the client, is started without one.
 */
final class FetchThreads {
  /** How long an idle thread waits for work before it ends. */
  private static final long IDLE_SECONDS = 5;

  /** Ends each fetch not done by its deadline. */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();
  /** Runs the HTTP client's asynchronous work. */
  private static final ExecutorService CLIENT = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS,
      TimeUnit.SECONDS, new SynchronousQueue<>(), threads("jwtsecured-jwks-"));

  private FetchThreads() {}

  private static ScheduledThreadPoolExecutor deadlines() {
    ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, threads("jwtsecured-jwks-deadline-"));
    deadlines.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
    deadlines.allowCoreThreadTimeOut(true);
    deadlines.setRemoveOnCancelPolicy(true);
    return deadlines;
  }

  /** Runs {@code task} after {@code millis} milliseconds, unless the returned future is cancelled first. */
  static ScheduledFuture<?> after(long millis, Runnable task) {
    return DEADLINES.schedule(task, millis, TimeUnit.MILLISECONDS);
  }

  /** How many deadlines are waiting: none once every fetch is done. */
  static int pendingDeadlines() {
    return DEADLINES.getQueue().size();
  }

  /** {@code builder}'s client, its work run here and its selector thread started without a context class loader. */
  static HttpClient client(HttpClient.Builder builder) {
    Thread current = Thread.currentThread();
    ClassLoader before = current.getContextClassLoader();
    current.setContextClassLoader(null);
    try {
      return builder.executor(CLIENT).build();
    } finally {
      current.setContextClassLoader(before);
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      thread.setPriority(Thread.NORM_PRIORITY); // not the starting thread's: Tomcat's background threads run at 1
      thread.setContextClassLoader(null);
      return thread;
    };
  }
}
