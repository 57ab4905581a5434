import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The partners' identity provider for .ci/consumer, with the JDK alone: writes a partner's RS256 token to the file
 * args[1], and serves its JWKS on 127.0.0.1:args[0] at /jwks, holding each answer until GET /release (20 s at most),
 * so that the script can call the kiosk while a fetch of the key set is under way. Prints "asked" when asked.
 */
public final class PartnerIdp {
  public static void main(String[] args) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"p1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
        + b64(unsigned(key.getModulus())) + "\",\"e\":\"" + b64(unsigned(key.getPublicExponent())) + "\"}]}";
    long now = System.currentTimeMillis() / 1000;
    String input = b64("{\"alg\":\"RS256\",\"kid\":\"p1\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64(("{\"sub\":\"partner-ada\",\"iss\":\"https://partners.example\",\"aud\":\"kiosk\",\"iat\":"
            + (now - 5) + ",\"exp\":" + (now + 600) + "}")
            .getBytes(StandardCharsets.UTF_8));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(pair.getPrivate());
    signature.update(input.getBytes(StandardCharsets.US_ASCII));
    Files.writeString(Path.of(args[1]), input + "." + b64(signature.sign()));

    CountDownLatch released = new CountDownLatch(1);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
        Integer.parseInt(args[0])), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/jwks", exchange -> {
      System.out.println("asked");
      try {
        released.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.createContext("/release", exchange -> {
      released.countDown();
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    System.out.println("ready");
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
