package io.github.streamjpa.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baseline a user without a Stream client would write: OkHttp 5 requests built by hand, one JWT
 * signed up front, answers parsed with Jackson into maps. Arguments as {@link OursWorker}.
 */
public final class OkHttpWorker {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private OkHttpWorker() {}

  /** Runs the cases and prints their {@code RESULT} lines. */
  public static void main(String[] args) throws Exception {
    OkHttpClient http = new OkHttpClient();
    ObjectMapper mapper = new ObjectMapper();
    String token =
        JWT.create()
            .withClaim("resource", "feed")
            .withClaim("action", "*")
            .withClaim("feed_id", "user1")
            .sign(Algorithm.HMAC256("secret-of-the-benchmark"));
    HttpUrl feedUrl =
        HttpUrl.get(args[0] + "/api/v1.0/feed/user/1/")
            .newBuilder()
            .addQueryParameter("api_key", "key")
            .build();
    String time = Instant.parse("2026-11-30T10:15:00.123456Z").toString();
    Map<String, LoadLoop.Operation> ops = new LinkedHashMap<>();
    ops.put(
        "read",
        () -> {
          Request request =
              new Request.Builder()
                  .url(feedUrl.newBuilder().addQueryParameter("limit", "25").build())
                  .header("Authorization", token)
                  .header("stream-auth-type", "jwt")
                  .build();
          try (Response response = http.newCall(request).execute()) {
            Map<?, ?> page = mapper.readValue(response.body().bytes(), Map.class);
            if (!response.isSuccessful() || ((List<?>) page.get("results")).size() != 25) {
              throw new IllegalStateException("HTTP " + response.code());
            }
          }
        });
    ops.put(
        "add",
        () -> {
          Map<String, Object> activity = new LinkedHashMap<>();
          activity.put("actor", "User:1");
          activity.put("verb", "pin");
          activity.put("object", "Pin:1");
          activity.put("foreign_id", "Pin:1");
          activity.put("time", time);
          activity.put("message", "a pin about the number 1");
          Request request =
              new Request.Builder()
                  .url(feedUrl)
                  .header("Authorization", token)
                  .header("stream-auth-type", "jwt")
                  .post(RequestBody.create(mapper.writeValueAsBytes(activity), JSON))
                  .build();
          try (Response response = http.newCall(request).execute()) {
            Map<?, ?> added = mapper.readValue(response.body().bytes(), Map.class);
            if (!response.isSuccessful() || added.get("id") == null) {
              throw new IllegalStateException("HTTP " + response.code());
            }
          }
        });
    LoadLoop.runCases(ops, Long.parseLong(args[1]), Long.parseLong(args[2]));
  }
}
