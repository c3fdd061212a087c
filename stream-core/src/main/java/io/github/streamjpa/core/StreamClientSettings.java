package io.github.streamjpa.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamjpa.core.internal.AuthInterceptor;
import io.github.streamjpa.core.internal.IdentificationInterceptor;
import io.github.streamjpa.core.internal.JwtSigner;
import io.github.streamjpa.core.internal.RetryInterceptor;
import io.github.streamjpa.core.internal.Sleeper;
import io.github.streamjpa.core.internal.StaleConnectionInterceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;

/** The frozen configuration of a client, and the OkHttp client and mapper built from it. */
final class StreamClientSettings {
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(6);
  static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(6);

  private final Draft draft;
  private final JwtSigner signer;
  private final ObjectMapper wireMapper;
  private final OkHttpClient http;

  private StreamClientSettings(Draft d) {
    this.draft = d.copy();
    this.signer = new JwtSigner(d.apiSecret);
    this.wireMapper = ActivityJson.wireMapper(d.objectMapper);
    OkHttpClient.Builder b = d.okHttpClient.newBuilder();
    if (d.connectTimeout != null) {
      b.connectTimeout(d.connectTimeout);
    }
    if (d.readTimeout != null) {
      b.readTimeout(d.readTimeout);
    }
    if (d.writeTimeout != null) {
      b.writeTimeout(d.writeTimeout);
    }
    if (d.callTimeout != null) {
      b.callTimeout(d.callTimeout);
    }
    // OkHttp would silently repeat any request after a 408 or a dropped connection, adds without
    // foreign id and time included; whether a request may be repeated is decided by
    // RetryInterceptor alone, and StaleConnectionInterceptor tells it when a pooled connection
    // was closed before the request went out.
    b.retryOnConnectionFailure(false);
    // Retry outermost so each attempt is identified and signed afresh by the two below it.
    b.interceptors().add(0, new RetryInterceptor(d.retryPolicy, d.sleeper, d.clock, d.random));
    b.interceptors().add(1, new IdentificationInterceptor());
    b.interceptors().add(2, new AuthInterceptor(d.apiKey, signer));
    b.networkInterceptors().add(0, d.connectionCheck);
    this.http = b.build();
  }

  static Duration timeout(Duration timeout, String what) {
    Checks.notNull(timeout, what);
    if (timeout.isNegative()) {
      throw new IllegalArgumentException(what + " " + timeout + " must not be negative");
    }
    return timeout;
  }

  String apiKey() {
    return draft.apiKey;
  }

  Endpoints endpoints() {
    return draft.endpoints;
  }

  Clock clock() {
    return draft.clock;
  }

  JwtSigner signer() {
    return signer;
  }

  ObjectMapper wireMapper() {
    return wireMapper;
  }

  OkHttpClient http() {
    return http;
  }

  Draft toDraft() {
    return draft.copy();
  }

  /** The mutable state behind {@link StreamClient.Builder}. */
  static final class Draft {
    final String apiKey;
    private final String apiSecret;
    Endpoints endpoints = Endpoints.forLocation(null);
    Duration connectTimeout;
    Duration readTimeout;
    Duration writeTimeout;
    Duration callTimeout;
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    OkHttpClient okHttpClient;
    // Shared with every client that shares the pool, so a connection's first use is known.
    StaleConnectionInterceptor connectionCheck;
    ObjectMapper objectMapper;
    Sleeper sleeper = Sleeper.THREAD;
    Clock clock = Clock.systemUTC();
    DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    Draft(String apiKey, String apiSecret) {
      this.apiKey = Checks.notBlank(apiKey, "API key");
      this.apiSecret = Checks.notBlank(apiSecret, "API secret");
    }

    Draft copy() {
      Draft d = new Draft(apiKey, apiSecret);
      d.endpoints = endpoints;
      d.connectTimeout = connectTimeout;
      d.readTimeout = readTimeout;
      d.writeTimeout = writeTimeout;
      d.callTimeout = callTimeout;
      d.retryPolicy = retryPolicy;
      d.okHttpClient = okHttpClient;
      d.connectionCheck = connectionCheck;
      d.objectMapper = objectMapper;
      d.sleeper = sleeper;
      d.clock = clock;
      d.random = random;
      return d;
    }

    StreamClientSettings freeze() {
      Draft d = copy();
      if (d.okHttpClient == null) {
        // Our own pool: the defaults apply unless the builder set a timeout.
        d.okHttpClient =
            new OkHttpClient.Builder()
                .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .readTimeout(DEFAULT_READ_TIMEOUT)
                .writeTimeout(DEFAULT_WRITE_TIMEOUT)
                .build();
      }
      if (d.connectionCheck == null) {
        d.connectionCheck = new StaleConnectionInterceptor();
      }
      if (d.objectMapper == null) {
        d.objectMapper = new ObjectMapper();
      }
      StreamClientSettings settings = new StreamClientSettings(d);
      // Later newBuilder() calls share this pool rather than creating another.
      okHttpClient = d.okHttpClient;
      connectionCheck = d.connectionCheck;
      objectMapper = d.objectMapper;
      return settings;
    }

    @Override
    public String toString() {
      return "Draft{apiKey=" + apiKey + "}";
    }
  }
}
