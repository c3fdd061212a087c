package io.github.streamjpa.jpa.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Outbox rows as some release wrote them, committed under {@code src/test/resources}: {@code
 * outbox-rows-v1.json} was written by the first release (no format version), {@code
 * outbox-rows-v2.json} in format 2. Every format ever written must stay deliverable.
 *
 * @param foreignId the row's ordering key
 * @param operation the row's operation
 * @param payload the row's payload as stored
 */
record OutboxRowsFixture(String foreignId, OutboxOperation operation, String payload) {

  /** Reads the rows of one format version. */
  static List<OutboxRowsFixture> version(int version) {
    String name = "outbox-rows-v" + version + ".json";
    try (InputStream in = OutboxRowsFixture.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return new ObjectMapper()
          .readValue(in, new TypeReference<List<Row>>() {}).stream()
              .map(
                  row ->
                      new OutboxRowsFixture(
                          row.foreign_id(),
                          OutboxOperation.valueOf(row.operation()),
                          row.payload()))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }

  /** Returns this row as an outbox message, to insert it. */
  OutboxMessage message() {
    return new OutboxMessage(foreignId, operation, payload);
  }

  /** The JSON shape of one fixture row. */
  private record Row(String foreign_id, String operation, String payload) {}
}
