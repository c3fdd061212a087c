package io.github.streamjpa.emulator.internal;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request's credentials the way Stream does: the api_key, then a JWT (HS256, with
 * resource, action and feed_id claims), the legacy per-feed HMAC token, or an HTTP signature on the
 * batch paths.
 */
final class Authenticator {
  private static final Pattern SIGNATURE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final String apiKey;
  private final byte[] secret;
  private final JWTVerifier verifier;
  private final byte[] simpleTokenKey;

  Authenticator(String apiKey, String apiSecret, java.time.Duration leeway) {
    this.apiKey = apiKey;
    this.secret = apiSecret.getBytes(StandardCharsets.UTF_8);
    this.verifier = JWT.require(Algorithm.HMAC256(secret)).acceptLeeway(leeway.toSeconds()).build();
    try {
      this.simpleTokenKey = MessageDigest.getInstance("SHA-1").digest(secret);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }

  void check(ApiRequest request, Scope scope) {
    String authorization = request.header("authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Signature ", 0, 10)) {
      checkSignature(request, scope, authorization.substring(10));
      return;
    }
    checkApiKey(request, scope);
    if (authorization == null || authorization.isBlank()) {
      throw ApiException.signature(
          "the Authorization header is missing; send a JWT signed with the app's secret");
    }
    String type = request.header("stream-auth-type");
    String value = authorization.strip();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      value = value.substring(7).strip();
    }
    boolean simple = type != null ? type.equalsIgnoreCase("simple") : value.contains(" ");
    if (simple) {
      checkSimpleToken(value, scope);
    } else {
      checkJwt(value, scope);
    }
  }

  private void checkApiKey(ApiRequest request, Scope scope) {
    String key = request.query("api_key");
    if (key == null && scope.batch()) {
      key = request.header("x-api-key");
    }
    if (key == null) {
      throw ApiException.apiKey("the api_key query parameter is missing");
    }
    if (!key.equals(apiKey)) {
      throw ApiException.apiKey("api_key '" + key + "' is not the key of this app");
    }
  }

  private void checkJwt(String token, Scope scope) {
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(token);
    } catch (SignatureVerificationException e) {
      throw ApiException.signature("the JWT signature does not match the app's secret");
    } catch (AlgorithmMismatchException e) {
      throw ApiException.signature("the JWT must be signed with HS256");
    } catch (TokenExpiredException e) {
      throw ApiException.signature("the JWT expired at " + e.getExpiredOn());
    } catch (JWTDecodeException e) {
      throw ApiException.signature("the Authorization header does not hold a valid JWT");
    } catch (JWTVerificationException e) {
      throw ApiException.signature("the JWT was refused: " + e.getMessage());
    }
    String resource = claim(jwt, "resource");
    String action = claim(jwt, "action");
    String feedId = claim(jwt, "feed_id");
    if (resource == null || action == null) {
      throw ApiException.notAllowed(
          "You do not have permission to do this, you got this error because there are no"
              + " policies allowing this request on this application (the token has no resource"
              + " and action claims)");
    }
    if (!matches(resource, scope.resource())) {
      throw ApiException.notAllowed(
          "token resource '" + resource + "' does not allow resource '" + scope.resource() + "'");
    }
    if (!matches(action, scope.action())) {
      throw ApiException.notAllowed(
          "token action '" + action + "' does not allow action '" + scope.action() + "'");
    }
    if (scope.feed() != null) {
      if (feedId == null || !matches(feedId, scope.feed().claim())) {
        throw ApiException.notAllowed(
            "token feed_id '" + feedId + "' does not allow feed '" + scope.feed().claim() + "'");
      }
    } else if (feedId != null && !feedId.equals("*")) {
      throw ApiException.notAllowed(
          "token feed_id '" + feedId + "' is for one feed; this app-wide request needs '*'");
    }
  }

  private static String claim(DecodedJWT jwt, String name) {
    Claim claim = jwt.getClaim(name);
    if (claim.isMissing() || claim.isNull()) {
      return null;
    }
    String text = claim.asString();
    if (text != null) {
      return text;
    }
    List<String> list = claim.asList(String.class);
    if (list != null) {
      return list.contains("*") ? "*" : String.join(",", list);
    }
    return claim.toString();
  }

  /** A claim grants {@code needed} when it is {@code *}, equal, or a comma list holding either. */
  private static boolean matches(String granted, String needed) {
    for (String part : granted.split(",")) {
      String value = part.strip();
      if (value.equals("*") || value.equals(needed)) {
        return true;
      }
    }
    return false;
  }

  private void checkSimpleToken(String value, Scope scope) {
    int space = value.indexOf(' ');
    if (space <= 0) {
      throw ApiException.signature("a simple token must look like '<slug><user_id> <token>'");
    }
    String feed = value.substring(0, space);
    String token = value.substring(space + 1).strip();
    if (!MessageDigest.isEqual(
        simpleToken(feed).getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.signature("the feed token for '" + feed + "' does not match");
    }
    if (scope.feed() == null) {
      throw ApiException.notAllowed(
          "a feed token only authorises requests on its own feed, not app-wide requests");
    }
    if (!feed.equals(scope.feed().claim())) {
      throw ApiException.notAllowed(
          "the feed token is for '" + feed + "', not for '" + scope.feed().claim() + "'");
    }
  }

  /** The 2018 clients' feed token: HMAC-SHA1 keyed with SHA-1(secret), base64url, no padding. */
  String simpleToken(String feedClaim) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(hmac("HmacSHA1", simpleTokenKey, feedClaim));
  }

  private void checkSignature(ApiRequest request, Scope scope, String parameters) {
    if (!scope.batch()) {
      throw ApiException.signature(
          "HTTP signature auth is only accepted on follow_many, unfollow_many and add_to_many");
    }
    Map<String, String> params = new HashMap<>();
    Matcher m = SIGNATURE_PARAM.matcher(parameters);
    while (m.find()) {
      params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
    }
    String keyId = params.get("keyid");
    if (keyId == null || !keyId.equals(apiKey)) {
      throw ApiException.apiKey("signature keyId '" + keyId + "' is not the key of this app");
    }
    for (String key : new String[] {request.query("api_key"), request.header("x-api-key")}) {
      if (key != null && !key.equals(apiKey)) {
        throw ApiException.apiKey("api key '" + key + "' is not the key of this app");
      }
    }
    String algorithm = params.getOrDefault("algorithm", "hmac-sha256");
    if (!algorithm.equalsIgnoreCase("hmac-sha256")) {
      throw ApiException.signature("signature algorithm '" + algorithm + "' is not hmac-sha256");
    }
    String signature = params.get("signature");
    if (signature == null) {
      throw ApiException.signature("the Signature authorization has no signature parameter");
    }
    List<String> lines = new ArrayList<>();
    for (String name : params.getOrDefault("headers", "date").trim().split("\\s+")) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("(request-target)")) {
        lines.add(
            lower + ": " + request.method().toLowerCase(Locale.ROOT) + " " + request.target());
        continue;
      }
      String value = request.header(lower);
      if (value == null) {
        throw ApiException.signature("the signed header '" + lower + "' is missing");
      }
      lines.add(lower + ": " + value);
    }
    byte[] expected = hmac("HmacSHA256", secret, String.join("\n", lines));
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw ApiException.signature("the signature is not base64");
    }
    if (!MessageDigest.isEqual(expected, given)) {
      throw ApiException.signature("the HTTP signature does not match the app's secret");
    }
  }

  private static byte[] hmac(String algorithm, byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
