package com.example.app;

import jakarta.ws.rs.SeBootstrap;
import java.util.concurrent.CountDownLatch;

/** Starts the application through the standard SeBootstrap. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    SeBootstrap.Configuration configuration = SeBootstrap.Configuration.builder()
        .host("127.0.0.1").port(port).rootPath("/").build();
    SeBootstrap.Instance instance =
        SeBootstrap.start(new AppApplication(), configuration).toCompletableFuture().get();
    System.out.println("Listening on " + instance.configuration().baseUri());
    new CountDownLatch(1).await();
  }
}
