import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Base64;

/**
 * Prints an ES256 token (issuer https://idp.example, audience keys, subject ada, ten minutes) signed with the private
 * key 1 of P-256, whose public key is the curve's generator point: the key jwks.json beside it publishes (kid "g"), for
 * the resource servers of consumer/tomcat/keys and consumer/war. A test key anyone can compute, for .ci/consumer only:
 * {@code java GeneratorKeyToken.java}.
 */
public final class GeneratorKeyToken {
  public static void main(String[] args) throws Exception {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
        new ECPrivateKeySpec(BigInteger.ONE, parameters.getParameterSpec(ECParameterSpec.class)));
    Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
    long now = System.currentTimeMillis() / 1000;
    String input = base64url.encodeToString("{\"alg\":\"ES256\",\"kid\":\"g\",\"typ\":\"JWT\"}"
            .getBytes(StandardCharsets.UTF_8)) + "."
        + base64url.encodeToString(("{\"sub\":\"ada\",\"iss\":\"https://idp.example\",\"aud\":\"keys\",\"iat\":" + now
            + ",\"exp\":" + (now + 600) + "}").getBytes(StandardCharsets.UTF_8));
    Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
    signature.initSign(key);
    signature.update(input.getBytes(StandardCharsets.US_ASCII));
    System.out.println(input + "." + base64url.encodeToString(signature.sign()));
  }
}
