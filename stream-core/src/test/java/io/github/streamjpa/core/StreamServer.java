package io.github.streamjpa.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamjpa.core.internal.IdentificationInterceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer with helpers to answer with fixtures and inspect what the client sent. */
final class StreamServer {
  static final String KEY = "test-key";
  static final String SECRET = "s3cret-value-that-must-never-leak";
  static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server;
  final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  StreamServer(MockWebServer server) {
    this.server = server;
  }

  String baseUrl() {
    return server.url("/").toString();
  }

  /** A client against this server whose retry waits are recorded instead of slept. */
  StreamClient client() {
    return builder().build();
  }

  StreamClient.Builder builder() {
    return StreamClient.builder(KEY, SECRET)
        .baseUrl(baseUrl())
        .readTimeout(Duration.ofSeconds(10))
        .sleeper(sleeps::add)
        .random(() -> 0.5);
  }

  StreamServer reply(int status, String fixture) {
    return replyJson(status, fixture(fixture));
  }

  StreamServer reply(String fixture) {
    return reply(200, fixture);
  }

  StreamServer replyJson(int status, String json) {
    server.enqueue(
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", "application/json")
            .body(json)
            .build());
    return this;
  }

  /** Answers a removal the way Stream does, naming what was removed. */
  StreamServer replyRemoved(String removed) {
    return replyJson(200, "{\"removed\":\"" + removed + "\",\"duration\":\"1ms\"}");
  }

  StreamServer replyDuration() {
    return replyJson(200, "{\"duration\":\"1ms\"}");
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  static String fixture(String name) {
    try (InputStream in = StreamServer.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode fixtureJson(String name) {
    try {
      return JSON.readTree(fixture(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Recorded take() {
    try {
      RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
      assertThat(r).as("a request reached the server").isNotNull();
      return new Recorded(r);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** One request the client sent, with assertions that apply to every Stream call. */
  static final class Recorded {
    final RecordedRequest request;

    Recorded(RecordedRequest request) {
      this.request = request;
    }

    /** Checks method, path, api_key, the client headers and the JWT's claims. */
    Recorded is(String method, String path, String resource, String action, String feedId) {
      assertThat(request.getMethod()).isEqualTo(method);
      assertThat(request.getUrl().encodedPath()).isEqualTo(path).endsWith("/");
      assertThat(request.getUrl().queryParameter("api_key")).isEqualTo(KEY);
      assertThat(request.getHeaders().get("stream-auth-type")).isEqualTo("jwt");
      assertThat(request.getHeaders().get("X-Stream-Client"))
          .isEqualTo(IdentificationInterceptor.CLIENT)
          .startsWith("stream-jpa-java-");
      assertThat(request.getHeaders().get("User-Agent")).startsWith("stream-jpa-java/");
      Map<String, Claim> claims = claims();
      assertThat(claims.get("resource").asString()).isEqualTo(resource);
      assertThat(claims.get("action").asString()).isEqualTo(action);
      assertThat(claims.get("feed_id").asString()).isEqualTo(feedId);
      return this;
    }

    /** Checks an app-wide call: its token grants every action on every feed ({@code *}). */
    Recorded isAppWide(String method, String path, String resource) {
      return is(method, path, resource, "*", "*");
    }

    Map<String, Claim> claims() {
      String token = request.getHeaders().get("Authorization");
      assertThat(token).as("bare JWT, no Bearer prefix").doesNotStartWith("Bearer");
      DecodedJWT jwt = JWT.require(Algorithm.HMAC256(SECRET)).build().verify(token);
      assertThat(jwt.getHeaderClaim("alg").asString()).isEqualTo("HS256");
      return jwt.getClaims();
    }

    String query(String name) {
      return request.getUrl().queryParameter(name);
    }

    /** Query parameter names other than api_key. */
    List<String> queryNames() {
      return request.getUrl().queryParameterNames().stream()
          .filter(n -> !n.equals("api_key"))
          .sorted()
          .toList();
    }

    JsonNode body() {
      try {
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        return JSON.readTree(request.getBody().utf8());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Recorded hasBody(String fixture) {
      assertThat(body()).isEqualTo(fixtureJson(fixture));
      return this;
    }

    Recorded hasNoBody() {
      assertThat(request.getBodySize()).isZero();
      return this;
    }
  }
}
