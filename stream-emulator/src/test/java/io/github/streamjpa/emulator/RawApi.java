package io.github.streamjpa.emulator;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A raw HTTP client for the emulator, with tokens made by java-jwt, for protocol-level tests. */
final class RawApi {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String baseUrl;
  private final String apiKey;
  private final String secret;
  private final String token;
  private final Map<String, String> headers;

  RawApi(StreamEmulator emulator) {
    this(
        emulator.baseUrl(),
        emulator.apiKey(),
        emulator.apiSecret(),
        jwt(emulator.apiSecret(), "*", "*", "*"),
        Map.of("stream-auth-type", "jwt"));
  }

  private RawApi(
      String baseUrl, String apiKey, String secret, String token, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.secret = secret;
    this.token = token;
    this.headers = headers;
  }

  /** An HS256 server token with the given claims ({@code null} leaves a claim out). */
  static String jwt(String secret, String resource, String action, String feedId) {
    var builder = JWT.create();
    if (resource != null) {
      builder.withClaim("resource", resource);
    }
    if (action != null) {
      builder.withClaim("action", action);
    }
    if (feedId != null) {
      builder.withClaim("feed_id", feedId);
    }
    return builder.sign(Algorithm.HMAC256(secret));
  }

  String secret() {
    return secret;
  }

  RawApi withToken(String token) {
    return new RawApi(baseUrl, apiKey, secret, token, headers);
  }

  RawApi withApiKey(String apiKey) {
    return new RawApi(baseUrl, apiKey, secret, token, headers);
  }

  RawApi withHeaders(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(headers);
    merged.putAll(extra);
    return new RawApi(baseUrl, apiKey, secret, token, merged);
  }

  RawApi withoutAuthType() {
    Map<String, String> rest = new LinkedHashMap<>(headers);
    rest.remove("stream-auth-type");
    return new RawApi(baseUrl, apiKey, secret, token, rest);
  }

  /** A response: status, parsed JSON body and headers. */
  record Response(int status, JsonNode body, HttpHeaders headers) {
    String text(String field) {
      return body.path(field).asText();
    }
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response post(String path, Object body) {
    return send("POST", path, body);
  }

  Response delete(String path) {
    return send("DELETE", path, null);
  }

  /** Makes feed {@code follower} ("slug:id") follow {@code target} through the following/ path. */
  Response follow(String follower, String target) {
    return post("feed/" + follower.replace(':', '/') + "/following/", Map.of("target", target));
  }

  Response send(String method, String path, Object body) {
    String bodyText;
    try {
      bodyText = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    return sendRaw(method, path, bodyText);
  }

  Response sendRaw(String method, String path, String body) {
    String separator = path.contains("?") ? "&" : "?";
    String url = baseUrl + "/api/v1.0/" + path;
    if (apiKey != null) {
      url += separator + "api_key=" + apiKey;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", token);
    }
    headers.forEach(request::header);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return exchange(request.build());
  }

  /** Sends to an absolute path under the base URL (for the control surface), as JSON. */
  Response control(String method, String path, String body) {
    return control(method, path, body, Map.of("Content-Type", "application/json"));
  }

  /** Sends to an absolute path under the base URL with exactly the given headers. */
  Response control(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return exchange(request.build());
  }

  private static Response exchange(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(), JSON.readTree(response.body()), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An activity body with the required fields and optional extras as key, value pairs. */
  static Map<String, Object> activity(String actor, String verb, String object, Object... extra) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("actor", actor);
    map.put("verb", verb);
    map.put("object", object);
    for (int i = 0; i < extra.length; i += 2) {
      map.put((String) extra[i], extra[i + 1]);
    }
    return map;
  }

  /** The ids of a flat read's results, in order. */
  static List<String> ids(Response response) {
    List<String> ids = new java.util.ArrayList<>();
    response.body().path("results").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }
}
