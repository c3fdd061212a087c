package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.streamjpa.emulator.RecordedRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP control surface under {@code /_emulator/}: reset, request log, faults and feed
 * inspection. It answers only loopback clients that name a loopback host, refuses cross-site
 * requests (an {@code Origin} or {@code Sec-Fetch-Site} from elsewhere) and takes POST bodies only
 * as {@code application/json}, so a web page in a developer's browser can neither change nor read
 * it.
 */
final class ControlHandler {
  private final EmulatorEngine engine;

  ControlHandler(EmulatorEngine engine) {
    this.engine = engine;
  }

  WireResponse handle(WireRequest wire) {
    int status = 200;
    ObjectNode body;
    try {
      checkOrigin(wire);
      String method = wire.method().toUpperCase(Locale.ROOT);
      if (wire.tooLarge()) {
        throw ApiException.tooLarge(
            "the request body is larger than " + engine.config.maxBodyBytes() + " bytes");
      }
      ApiRequest request =
          ApiRequest.of(
              method.equals("HEAD") ? "GET" : method,
              wire.rawPath(),
              wire.rawQuery(),
              wire.headers(),
              Utf8.body(wire.body()));
      if (request.method().equals("POST")) {
        String type = request.header("content-type");
        if (type == null
            || !type.toLowerCase(Locale.ROOT).strip().matches("application/json\\s*(;.*)?")) {
          throw ApiException.input(
              "content-type",
              "control POSTs must have Content-Type application/json, got "
                  + (type == null ? "none" : RequestReader.printable(type)));
        }
      }
      body = route(request);
    } catch (ApiException e) {
      status = e.status();
      body = ErrorBodies.of(e);
    } catch (IllegalArgumentException e) {
      status = 400;
      body = ErrorBodies.of(ApiException.input(e.getMessage()));
    } catch (RuntimeException e) {
      status = 500;
      body = ErrorBodies.of(ApiException.internal(status, "emulator error: " + e));
    }
    body.put("duration", "0.00ms");
    try {
      return WireResponse.json(status, Map.of(), body);
    } catch (RuntimeException e) {
      return WireResponse.error(
          ApiException.internal(500, "emulator error: the answer cannot be written: " + e),
          Map.of());
    }
  }

  /** Loopback client, loopback Host, and no sign of a request from another site. */
  private static void checkOrigin(WireRequest wire) {
    if (!wire.remote().isLoopbackAddress()) {
      throw ApiException.notAllowed("the emulator control surface answers loopback clients only");
    }
    String host = wire.header("host");
    if (host == null || !isLoopbackHost(host)) {
      throw ApiException.notAllowed(
          "the emulator control surface needs a Host header naming a loopback address such as"
              + " localhost or 127.0.0.1, got "
              + (host == null ? "none" : RequestReader.printable(host)));
    }
    String origin = wire.header("origin");
    if (origin != null && !isLoopbackOrigin(origin)) {
      throw ApiException.notAllowed(
          "the emulator control surface refuses cross-site requests (Origin "
              + RequestReader.printable(origin)
              + ")");
    }
    String site = wire.header("sec-fetch-site");
    if (site != null && site.equalsIgnoreCase("cross-site")) {
      throw ApiException.notAllowed(
          "the emulator control surface refuses cross-site requests (Sec-Fetch-Site cross-site)");
    }
  }

  private static boolean isLoopbackOrigin(String origin) {
    try {
      URI uri = new URI(origin.strip());
      String scheme = uri.getScheme();
      return uri.getHost() != null
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && isLoopbackName(uri.getHost());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** {@code host[:port]} where host is localhost or a loopback address literal. */
  static boolean isLoopbackHost(String hostHeader) {
    String host = hostHeader.strip();
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0 || !portOnly(host.substring(close + 1))) {
        return false;
      }
      return isLoopbackName(host.substring(0, close + 1));
    }
    int colon = host.indexOf(':');
    if (colon >= 0 && !portOnly(host.substring(colon))) {
      return false;
    }
    return isLoopbackName(colon < 0 ? host : host.substring(0, colon));
  }

  private static boolean portOnly(String rest) {
    return rest.isEmpty() || rest.matches(":\\d{1,5}");
  }

  /** localhost, or an IPv4 or bracketed IPv6 literal in the loopback range; never a DNS lookup. */
  private static boolean isLoopbackName(String name) {
    String host = name.toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6 = host.startsWith("[") && host.endsWith("]") && host.matches("\\[[0-9a-f:.]+]");
    if (!ipv4 && !ipv6) {
      return false;
    }
    try {
      // A literal is parsed without a lookup.
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private ObjectNode route(ApiRequest r) {
    List<String> s = r.segments().subList(1, r.segments().size());
    String m = r.method();
    String what = s.isEmpty() ? "" : s.get(0);
    ObjectNode out = Json.MAPPER.createObjectNode();
    switch (what + " " + m) {
      case "health GET" -> out.put("status", "ok");
      case "reset POST" -> {
        engine.reset();
        out.put("reset", true);
      }
      case "requests GET" -> {
        ArrayNode list = out.putArray("requests");
        for (RecordedRequest request : engine.requests()) {
          list.add(Json.MAPPER.valueToTree(recorded(request)));
        }
      }
      case "requests DELETE" -> engine.clearRequests();
      case "faults GET" -> out.set("faults", engine.faults.describe());
      case "faults DELETE" -> engine.clearFaults();
      case "faults POST" -> {
        FaultSpec.parse(Json.parse(r.body().isBlank() ? "{}" : r.body())).applyTo(engine);
        out.set("faults", engine.faults.describe());
      }
      case "feeds GET" -> {
        if (s.size() != 3) {
          throw ApiException.notFound("use /_emulator/feeds/<slug>/<user_id>/");
        }
        ArrayNode list = out.putArray("activities");
        engine
            .feedActivities(s.get(1), s.get(2))
            .forEach(a -> list.add(Json.MAPPER.valueToTree(a)));
        ArrayNode following = out.putArray("following");
        engine.following(s.get(1), s.get(2)).forEach(following::add);
        ArrayNode followers = out.putArray("followers");
        engine.followers(s.get(1), s.get(2)).forEach(followers::add);
      }
      default ->
          throw ApiException.notFound(
              "no control operation at "
                  + m
                  + " "
                  + r.rawPath()
                  + "; see GET health, POST reset, GET|DELETE requests, GET|POST|DELETE faults,"
                  + " GET feeds/<slug>/<user_id>");
    }
    return out;
  }

  private static Map<String, Object> recorded(RecordedRequest request) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("method", request.method());
    map.put("path", request.path());
    map.put("query", request.query());
    map.put("headers", request.headers());
    map.put("body", request.body());
    map.put("body_truncated", request.bodyTruncated());
    map.put("status", request.status());
    map.put("at", request.at().toString());
    return map;
  }
}
