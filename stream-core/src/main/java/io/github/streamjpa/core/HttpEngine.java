package io.github.streamjpa.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamjpa.core.internal.IdentificationInterceptor;
import io.github.streamjpa.core.internal.Retryable;
import io.github.streamjpa.core.internal.TokenScope;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one API request and returns its JSON body, or throws the mapped exception. */
final class HttpEngine {
  private static final Logger log = LoggerFactory.getLogger(HttpEngine.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final HttpUrl apiBase;
  private final String apiKey;
  private final ObjectMapper mapper;
  private final Clock clock;

  /**
   * The engine for {@code http}, whose interceptors sign and identify each request; the engine
   * builds requests that already carry the API key and the identification headers, so those
   * interceptors leave them as they are instead of rebuilding every request.
   */
  HttpEngine(OkHttpClient http, HttpUrl apiBase, String apiKey, ObjectMapper mapper, Clock clock) {
    this.http = http;
    this.apiBase = apiBase;
    this.apiKey = apiKey;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** One request: a path below {@code /api/v1.0/} given as unescaped segments. */
  record Call(
      String method,
      TokenScope scope,
      boolean safeToRepeat,
      Map<String, String> query,
      Object body,
      String... segments) {

    static Call get(TokenScope scope, Map<String, String> query, String... segments) {
      return new Call("GET", scope, true, query, null, segments);
    }

    static Call delete(TokenScope scope, Map<String, String> query, String... segments) {
      return new Call("DELETE", scope, true, query, null, segments);
    }

    static Call post(
        TokenScope scope,
        boolean safeToRepeat,
        Map<String, String> query,
        Object body,
        String... segments) {
      return new Call("POST", scope, safeToRepeat, query, body, segments);
    }

    String describe() {
      return method + " " + String.join("/", segments) + "/";
    }
  }

  /** Reads a successful answer's JSON object as it is parsed, without a tree. */
  interface Reader<T> {
    /** A fresh reader of one answer's top-level fields. */
    Fields<T> fields();

    /** Reads the same answer from its tree, when it is not read as it is parsed. */
    T read(JsonNode json);
  }

  /** Receives the top-level fields of one answer. */
  interface Fields<T> {
    /** Reads (or skips) the value of one field; the parser is at the value's first token. */
    void field(String name, JsonParser parser) throws IOException;

    /** The value read from the fields. */
    T result();
  }

  /**
   * Like {@link #execute(Call)}, reading the answer with {@code reader}: an ordinary successful
   * answer is read as it is parsed; errors, a truthy top-level {@code exception} and anything that
   * is not a JSON object go through the tree and the same checks as {@link #execute(Call)}.
   */
  <T> T execute(Call call, Reader<T> reader) {
    return exchange(
        call,
        (response, raw) -> {
          if (response.isSuccessful()) {
            try {
              T result = stream(raw, reader.fields());
              if (result != null) {
                return result;
              }
            } catch (IOException e) {
              // Not readable as JSON: the tree path below reports it as execute(Call) does.
            }
          }
          return reader.read(checked(call, response, raw));
        });
  }

  /** The answer read field by field, or null when it is not an object or is an error. */
  private <T> T stream(byte[] raw, Fields<T> fields) throws IOException {
    try (JsonParser parser = mapper.createParser(raw)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        parser.nextToken();
        if (name.equals("exception")) {
          JsonNode exception = mapper.readTree(parser);
          if (isError(exception)) {
            return null;
          }
          try (JsonParser value = mapper.treeAsTokens(exception)) {
            value.nextToken();
            fields.field(name, value);
          }
        } else {
          fields.field(name, parser);
        }
      }
      return fields.result();
    }
  }

  JsonNode execute(Call call) {
    return exchange(call, (response, raw) -> checked(call, response, raw));
  }

  private interface Answer<T> {
    T read(Response response, byte[] raw);
  }

  private <T> T exchange(Call call, Answer<T> answer) {
    HttpUrl.Builder url = apiBase.newBuilder();
    for (String segment : call.segments()) {
      url.addPathSegment(segment);
    }
    url.addPathSegment("");
    call.query().forEach(url::addQueryParameter);
    url.addQueryParameter("api_key", apiKey);
    Request.Builder request =
        new Request.Builder()
            .url(url.build())
            .header("X-Stream-Client", IdentificationInterceptor.CLIENT)
            .header("User-Agent", IdentificationInterceptor.USER_AGENT)
            .header("stream-auth-type", "jwt");
    request.tag(TokenScope.class, call.scope());
    if (call.safeToRepeat()) {
      request.tag(Retryable.class, Retryable.SAFE);
    }
    if (call.body() != null) {
      request.method(call.method(), RequestBody.create(bytes(call.body()), JSON));
    } else {
      request.method(call.method(), null);
    }
    long start = System.nanoTime();
    try (Response response = http.newCall(request.build()).execute()) {
      ResponseBody body = response.body();
      byte[] raw = body.bytes();
      log.debug(
          "{} -> {} in {} ms",
          call.describe(),
          response.code(),
          (System.nanoTime() - start) / 1_000_000);
      return answer.read(response, raw);
    } catch (IOException e) {
      throw new StreamTransportException(call.describe() + " failed", e);
    }
  }

  /** The answer's JSON object, or the mapped exception. */
  private JsonNode checked(Call call, Response response, byte[] raw) {
    JsonNode json = parse(raw);
    if (!response.isSuccessful()) {
      throw ApiErrors.from(response.code(), response.headers(), json, clock.instant());
    }
    if (json == null || !json.isObject()) {
      // A 2xx status: there is no error code or status to type it by.
      throw new StreamApiException(
          response.code(),
          0,
          null,
          call.describe() + " answered HTTP " + response.code() + " without a JSON object",
          null,
          ApiErrors.rateLimit(response.headers()),
          null);
    }
    // Like the Python client: a truthy "exception" is an error whatever the status.
    if (isError(json.get("exception"))) {
      throw ApiErrors.from(response.code(), response.headers(), json, clock.instant());
    }
    return json;
  }

  private static boolean isError(JsonNode exception) {
    return exception != null
        && ((exception.isTextual() && !exception.asText().isEmpty())
            || (exception.isBoolean() && exception.booleanValue()));
  }

  private byte[] bytes(Object body) {
    if (body instanceof byte[] written) {
      return written;
    }
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "request body could not be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private JsonNode parse(byte[] raw) {
    if (raw.length == 0) {
      return null;
    }
    try {
      return mapper.readTree(raw);
    } catch (IOException e) {
      return null;
    }
  }
}
