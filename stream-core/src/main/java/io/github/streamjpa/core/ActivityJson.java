package io.github.streamjpa.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Converts activities, groups and follows between Java values and Stream's JSON. */
final class ActivityJson {
  /** Fields not copied into {@code extra}: the named ones and the duration Stream adds. */
  private static final Set<String> NAMED =
      Stream.concat(NewActivity.NAMED_FIELDS.stream(), Stream.of("duration"))
          .collect(Collectors.toUnmodifiableSet());

  private final ObjectMapper mapper;

  /** A feed page answer, read as it is parsed. */
  final HttpEngine.Reader<FeedPage<FeedActivity>> page =
      new HttpEngine.Reader<>() {
        @Override
        public HttpEngine.Fields<FeedPage<FeedActivity>> fields() {
          return new PageFields();
        }

        @Override
        public FeedPage<FeedActivity> read(JsonNode json) {
          return new FeedPage<>(readAll(json.path("results")), json.path("next").asText());
        }
      };

  /** An answer that is one activity, read as it is parsed. */
  final HttpEngine.Reader<FeedActivity> activity =
      new HttpEngine.Reader<>() {
        @Override
        public HttpEngine.Fields<FeedActivity> fields() {
          return new ActivityFields();
        }

        @Override
        public FeedActivity read(JsonNode json) {
          return ActivityJson.this.read(json);
        }
      };

  ActivityJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** A copy of the caller's mapper that writes and reads times in Stream's format. */
  static ObjectMapper wireMapper(ObjectMapper base) {
    ObjectMapper m = base.copy();
    SimpleModule times = new SimpleModule("stream-jpa-times");
    times.addSerializer(
        Instant.class,
        new StdSerializer<>(Instant.class) {
          @Override
          public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(StreamTimes.format(value));
          }
        });
    times.addDeserializer(
        Instant.class,
        new StdDeserializer<>(Instant.class) {
          @Override
          public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
              return Instant.ofEpochMilli(p.getLongValue());
            }
            try {
              return StreamTimes.parse(p.getValueAsString());
            } catch (IllegalArgumentException e) {
              return (Instant)
                  ctxt.handleWeirdStringValue(Instant.class, p.getText(), e.getMessage());
            }
          }
        });
    m.registerModule(new JavaTimeModule());
    m.registerModule(times);
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return m;
  }

  /** The activity as request JSON, written straight to bytes: the same as {@link #write}. */
  byte[] writeBytes(NewActivity a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = mapper.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("actor", a.actor());
      g.writeStringField("verb", a.verb());
      g.writeStringField("object", a.object());
      if (a.target() != null) {
        g.writeStringField("target", a.target());
      }
      if (a.time() != null) {
        g.writeStringField("time", StreamTimes.format(a.time()));
      }
      if (a.foreignId() != null) {
        g.writeStringField("foreign_id", a.foreignId());
      }
      if (!a.to().isEmpty()) {
        g.writeArrayFieldStart("to");
        for (FeedId f : a.to()) {
          g.writeString(f.toString());
        }
        g.writeEndArray();
      }
      for (Map.Entry<String, Object> e : a.extra().entrySet()) {
        g.writeFieldName(e.getKey());
        mapper.writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      // As valueToTree reports a value Jackson cannot write.
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    ActivitySize.check(out.size(), a);
    return out.toByteArray();
  }

  ObjectNode write(NewActivity a) {
    ObjectNode n = mapper.createObjectNode();
    n.put("actor", a.actor());
    n.put("verb", a.verb());
    n.put("object", a.object());
    if (a.target() != null) {
      n.put("target", a.target());
    }
    if (a.time() != null) {
      n.put("time", StreamTimes.format(a.time()));
    }
    if (a.foreignId() != null) {
      n.put("foreign_id", a.foreignId());
    }
    if (!a.to().isEmpty()) {
      n.set("to", feedIds(a.to()));
    }
    a.extra().forEach((k, v) -> n.set(k, mapper.valueToTree(v)));
    return ActivitySize.check(n, a, mapper);
  }

  ArrayNode feedIds(List<FeedId> feeds) {
    ArrayNode arr = mapper.createArrayNode();
    feeds.forEach(f -> arr.add(f.toString()));
    return arr;
  }

  FeedActivity read(JsonNode n) {
    List<String> to = new ArrayList<>();
    for (JsonNode t : n.path("to")) {
      to.add(target(t));
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    n.fields()
        .forEachRemaining(
            e -> {
              if (!NAMED.contains(e.getKey())) {
                extra.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class));
              }
            });
    return new FeedActivity(
        string(n.get("id")),
        string(n.get("actor")),
        string(n.get("verb")),
        string(n.get("object")),
        string(n.get("target")),
        time(n.get("time")),
        string(n.get("foreign_id")),
        to,
        string(n.get("origin")),
        extra);
  }

  /**
   * Reads one activity straight from the parser, which is at the activity's first token; the same
   * result as {@link #read(JsonNode)} of that value, without building the tree.
   */
  FeedActivity read(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return read(tree(p));
    }
    ActivityFields fields = new ActivityFields();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      p.nextToken();
      fields.field(name, p);
    }
    return fields.result();
  }

  /** One activity's fields as they are parsed. */
  private final class ActivityFields implements HttpEngine.Fields<FeedActivity> {
    private String id;
    private String actor;
    private String verb;
    private String object;
    private String target;
    private Instant time;
    private String foreignId;
    private List<String> to = new ArrayList<>();
    private String origin;
    private final Map<String, Object> extra = new LinkedHashMap<>();

    @Override
    public void field(String name, JsonParser p) throws IOException {
      switch (name) {
        case "id" -> id = string(p);
        case "actor" -> actor = string(p);
        case "verb" -> verb = string(p);
        case "object" -> object = string(p);
        case "target" -> target = string(p);
        case "time" -> time = time(p);
        case "foreign_id" -> foreignId = string(p);
        case "to" -> to = targets(p);
        case "origin" -> origin = string(p);
        case "duration" -> p.skipChildren();
        default -> extra.put(name, mapper.readValue(p, Object.class));
      }
    }

    @Override
    public FeedActivity result() {
      return new FeedActivity(id, actor, verb, object, target, time, foreignId, to, origin, extra);
    }
  }

  /** A flat feed page's {@code results} and {@code next} as they are parsed. */
  private final class PageFields implements HttpEngine.Fields<FeedPage<FeedActivity>> {
    private List<FeedActivity> results = List.of();
    private String next = "";

    @Override
    public void field(String name, JsonParser p) throws IOException {
      switch (name) {
        case "results" -> results = readAll(p);
        case "next" ->
            next = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : tree(p).asText();
        default -> p.skipChildren();
      }
    }

    @Override
    public FeedPage<FeedActivity> result() {
      return new FeedPage<>(results, next);
    }
  }

  /** Reads an array of activities straight from the parser, like {@link #readAll(JsonNode)}. */
  List<FeedActivity> readAll(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      return readAll(tree(p));
    }
    List<FeedActivity> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(read(p));
    }
    return out;
  }

  private JsonNode tree(JsonParser p) throws IOException {
    JsonNode n = mapper.readTree(p);
    return n == null ? MissingNode.getInstance() : n;
  }

  private String string(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_STRING -> p.getText().isEmpty() ? null : p.getText();
      default -> string(tree(p));
    };
  }

  private Instant time(JsonParser p) throws IOException {
    String s = string(p);
    return s == null ? null : StreamTimes.parse(s);
  }

  private List<String> targets(JsonParser p) throws IOException {
    List<String> to = new ArrayList<>();
    if (p.currentToken() != JsonToken.START_ARRAY) {
      for (JsonNode t : tree(p)) {
        to.add(target(t));
      }
      return to;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      to.add(p.currentToken() == JsonToken.VALUE_STRING ? target(p.getText()) : target(tree(p)));
    }
    return to;
  }

  /**
   * Stream may answer a signed target as ["slug:id", "<token>"] instead of "slug:id"; a "slug:id
   * <token>" string carries the target's token after a space.
   */
  private static String target(JsonNode t) {
    return target(t.isArray() ? t.path(0).asText() : t.asText());
  }

  private static String target(String text) {
    int space = text.indexOf(' ');
    return space < 0 ? text : text.substring(0, space);
  }

  List<FeedActivity> readAll(JsonNode array) {
    return each(array, this::read);
  }

  ActivityGroup readGroup(JsonNode g) {
    return new ActivityGroup(
        string(g.get("id")),
        string(g.get("group")),
        string(g.get("verb")),
        g.path("activity_count").asInt(0),
        g.path("actor_count").asInt(0),
        time(g.get("created_at")),
        time(g.get("updated_at")),
        bool(g.get("is_seen")),
        bool(g.get("is_read")),
        readAll(g.path("activities")));
  }

  List<ActivityGroup> readGroups(JsonNode array) {
    return each(array, this::readGroup);
  }

  private static <T> List<T> each(JsonNode array, Function<JsonNode, T> reader) {
    List<T> out = new ArrayList<>();
    array.forEach(item -> out.add(reader.apply(item)));
    return out;
  }

  List<FollowInfo> readFollows(JsonNode array) {
    return each(array, ActivityJson::readFollow);
  }

  List<String> readStrings(JsonNode array) {
    return each(array, JsonNode::asText);
  }

  private static FollowInfo readFollow(JsonNode f) {
    return new FollowInfo(
        feedId(f.path("feed_id").asText()),
        feedId(f.path("target_id").asText()),
        time(f.get("created_at")),
        time(f.get("updated_at")));
  }

  private static FeedId feedId(String text) {
    try {
      return FeedId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new StreamException(
          "Stream answered a follow with an unreadable feed id: " + e.getMessage(), e);
    }
  }

  /** The activity as one flat JSON object, for mapping onto a caller's class. */
  ObjectNode flatten(FeedActivity a) {
    ObjectNode n = mapper.createObjectNode();
    n.put("id", a.id());
    n.put("actor", a.actor());
    n.put("verb", a.verb());
    n.put("object", a.object());
    n.put("target", a.target());
    n.put("time", a.time() == null ? null : StreamTimes.format(a.time()));
    n.put("foreign_id", a.foreignId());
    ArrayNode to = n.putArray("to");
    a.to().forEach(to::add);
    n.put("origin", a.origin());
    a.extra().forEach((k, v) -> n.set(k, mapper.valueToTree(v)));
    return n;
  }

  /** Absent, null and empty strings are all "not set" (Stream answers target: "" when unset). */
  private static String string(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    String s = n.isValueNode() ? n.asText() : n.toString();
    return s.isEmpty() ? null : s;
  }

  private static Instant time(JsonNode n) {
    String s = string(n);
    return s == null ? null : StreamTimes.parse(s);
  }

  private static Boolean bool(JsonNode n) {
    return n == null || n.isNull() ? null : n.asBoolean();
  }
}
