package io.github.streamjpa.spring.sample;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample application on PostgreSQL ({@code STREAM_TEST_JDBC_URL}). */
class SampleApplicationOnPostgresTest extends SampleApplicationTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = PostgresSchema.recreate();
    registry.add("spring.datasource.url", () -> url);
  }
}
