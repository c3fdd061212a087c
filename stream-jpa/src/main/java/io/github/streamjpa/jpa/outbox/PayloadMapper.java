package io.github.streamjpa.jpa.outbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.streamjpa.core.FeedId;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * Writes and reads outbox payloads as JSON with a format version ({@code "v"}) in every row.
 *
 * <p>Versions, all of which stay readable because a row written by one release may be sent by a
 * later one:
 *
 * <ul>
 *   <li>1 (rows without {@code "v"}): the first format; updates also carried {@code to}, which
 *       Stream refuses in updates and which is ignored.
 *   <li>2: the same fields, with {@code "v": 2}; updates carry no {@code to}.
 * </ul>
 *
 * <p>Times are ISO-8601 instants, feed ids {@code slug:user}, extra data plain JSON.
 */
final class PayloadMapper {

  /** The version this release writes. */
  static final int CURRENT_VERSION = 2;

  private static final String VERSION = "v";

  private final ObjectMapper json;
  private final ObjectReader lenient;

  PayloadMapper() {
    SimpleModule values = new SimpleModule("stream-jpa-outbox");
    values.addSerializer(FeedId.class, new ToStringSerializer<>(FeedId.class));
    values.addDeserializer(FeedId.class, new FromString<>(FeedId.class, FeedId::parse));
    values.addSerializer(Instant.class, new ToStringSerializer<>(Instant.class));
    values.addDeserializer(Instant.class, new FromString<>(Instant.class, Instant::parse));
    this.json =
        new ObjectMapper()
            .registerModule(values)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    this.lenient = json.readerFor(JsonNode.class);
  }

  /** Returns the JSON of a payload, with the current version first. */
  String write(Payload payload) {
    ObjectNode row = json.createObjectNode();
    row.put(VERSION, CURRENT_VERSION);
    ObjectNode fields = json.valueToTree(payload);
    row.setAll(fields);
    try {
      return json.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write outbox payload as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the payload of a row written by any release.
   *
   * @throws IllegalArgumentException when the JSON does not match the operation, or was written in
   *     a newer format than this release reads
   */
  Payload read(OutboxOperation operation, String text) {
    JsonNode tree;
    try {
      tree = lenient.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("outbox payload is not valid JSON: " + e.getMessage(), e);
    }
    if (!(tree instanceof ObjectNode row)) {
      throw new IllegalArgumentException("outbox payload is not a JSON object");
    }
    JsonNode versionNode = row.remove(VERSION);
    int version = versionNode == null ? 1 : versionNode.asInt(-1);
    if (version < 1 || version > CURRENT_VERSION) {
      throw new IllegalArgumentException(
          "outbox payload format version "
              + versionNode
              + " is not one this stream-jpa reads (1 to "
              + CURRENT_VERSION
              + "); was it written by a newer release?");
    }
    if (version == 1 && operation == OutboxOperation.UPDATE) {
      row.remove("to");
    }
    try {
      return json.treeToValue(row, type(operation));
    } catch (JsonProcessingException e) {
      throw invalid(operation, version, e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      throw invalid(operation, version, e.getMessage(), e);
    }
  }

  private static IllegalArgumentException invalid(
      OutboxOperation operation, int version, String reason, Exception cause) {
    return new IllegalArgumentException(
        "outbox payload of a " + operation + " row (version " + version + ") is invalid: " + reason,
        cause);
  }

  private static Class<? extends Payload> type(OutboxOperation operation) {
    return switch (operation) {
      case ADD -> Payload.Add.class;
      case UPDATE -> Payload.Update.class;
      case REMOVE -> Payload.Remove.class;
      case FOLLOW -> Payload.Follow.class;
      case UNFOLLOW -> Payload.Unfollow.class;
    };
  }

  private static final class ToStringSerializer<T> extends StdSerializer<T> {
    ToStringSerializer(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(value.toString());
    }
  }

  /** Reads a value from its string form, refusing text the parser refuses. */
  private static final class FromString<T> extends StdDeserializer<T> {
    private final Class<T> type;
    private final transient Function<String, T> parse;

    FromString(Class<T> type, Function<String, T> parse) {
      super(type);
      this.type = type;
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = parser.getValueAsString();
      try {
        return parse.apply(text);
      } catch (RuntimeException e) {
        return type.cast(context.handleWeirdStringValue(type, text, e.getMessage()));
      }
    }
  }
}
