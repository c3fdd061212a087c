package io.github.streamjpa.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code postgres} profile on a real PostgreSQL (the server named by {@code
 * STREAM_TEST_JDBC_URL}, in a schema of its own): the app starts, seeds and serves its pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresProfileTest {

  private static final String SCHEMA = "stream_demo_test";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = System.getenv("STREAM_TEST_JDBC_URL");
    assertThat(url)
        .as(
            "STREAM_TEST_JDBC_URL must name a PostgreSQL database for the postgres profile, e.g."
                + " jdbc:postgresql://127.0.0.1:5432/test?user=postgres")
        .isNotBlank()
        .startsWith("jdbc:postgresql:");
    registry.add(
        "spring.datasource.url",
        () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
    registry.add(
        "spring.datasource.hikari.connection-init-sql",
        () -> "create schema if not exists " + SCHEMA);
    registry.add("spring.jpa.hibernate.ddl-auto", () -> "create-drop");
  }

  @Test
  void startsSeedsAndServesPagesOnPostgres() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> pins =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(pins.statusCode()).isEqualTo(200);
    assertThat(pins.body()).contains("Sunrise over the ridge", "Ann Archer");
    assertThat(health.body()).contains("\"database\":\"PostgreSQL\"", "streamOutbox");
  }
}
