package io.github.streamjpa.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.streamjpa.demo.people.Follow;
import io.github.streamjpa.demo.people.FollowRepository;
import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.demo.people.PersonRepository;
import io.github.streamjpa.demo.pins.Board;
import io.github.streamjpa.demo.pins.BoardRepository;
import io.github.streamjpa.demo.pins.Pin;
import io.github.streamjpa.demo.pins.PinRepository;
import io.github.streamjpa.jpa.outbox.Outbox;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Over real HTTP, with the embedded emulator: the statements a page costs do not grow with the
 * number of activities it shows (no N+1), for 5 and for 25 activities.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "demo.seed=false")
@Import(StatementCounting.class)
class PageCostTest {

  private static final Pattern ACTIVITY = Pattern.compile("class=\"activity verb-(\\w+)");

  @LocalServerPort int port;
  @Autowired PersonRepository people;
  @Autowired BoardRepository boards;
  @Autowired PinRepository pins;
  @Autowired FollowRepository follows;
  @Autowired Outbox outbox;
  @Autowired TransactionTemplate transactions;

  @Test
  void statementsPerPageDoNotGrowWithTheActivitiesShown() throws Exception {
    Map<String, PageCost> five = pageCosts(5);
    Map<String, PageCost> twentyFive = pageCosts(25);

    for (String page : five.keySet()) {
      PageCost few = five.get(page);
      PageCost many = twentyFive.get(page);
      assertThat(many.activities())
          .as("activities shown on %s", page)
          .isGreaterThan(few.activities());
      assertThat(many.statements())
          .as(
              "statements of %s with %s vs %s activities",
              page, many.activities(), few.activities())
          .isEqualTo(few.statements());
    }
    System.out.println("statements per page, 5 vs 25 activities: " + five + " / " + twentyFive);
  }

  /** Builds a scene of n pins and n followers and measures each page of it. */
  private Map<String, PageCost> pageCosts(int n) throws Exception {
    Scene scene = transactions.execute(status -> scene(n));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> outbox.stats().pending() == 0 && outbox.stats().dead() == 0);

    Map<String, PageCost> costs = new LinkedHashMap<>();
    Browser reader = new Browser();
    reader.signIn(scene.reader());
    costs.put("timeline", reader.get("/timeline"));
    costs.put("aggregated timeline", reader.get("/timeline/aggregated"));
    costs.put("profile", reader.get("/people/" + scene.author()));
    costs.put("all pins", reader.get("/"));
    Browser author = new Browser();
    author.signIn(scene.author());
    costs.put("notifications", author.get("/notifications"));
    return costs;
  }

  private record Scene(long author, long reader) {}

  private Scene scene(int n) {
    Person author = people.save(new Person("author" + n, "Author " + n, null));
    Person reader = people.save(new Person("reader" + n, "Reader " + n, null));
    Board board = boards.save(new Board(author, "Board " + n));
    for (int i = 0; i < n; i++) {
      pins.save(new Pin(author, board, "Pin " + i + " of " + n, "/images/seed/new.svg"));
    }
    follows.save(new Follow(reader, author));
    List<Person> fans = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      fans.add(people.save(new Person("fan" + i + "of" + n, "Fan " + i, null)));
    }
    fans.forEach(fan -> follows.save(new Follow(fan, author)));
    return new Scene(author.getId(), reader.getId());
  }

  record PageCost(int statements, int activities) {
    @Override
    public String toString() {
      return statements + " statements for " + activities + " activities";
    }
  }

  /** An HTTP client with its own session cookie. */
  private final class Browser {
    private final HttpClient http =
        HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    void signIn(long personId) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(uri("/signin"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("personId=" + personId))
              .build();
      assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
          .isEqualTo(302);
    }

    PageCost get(String path) throws IOException, InterruptedException {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
      int statements =
          Integer.parseInt(response.headers().firstValue(StatementCounting.HEADER).orElseThrow());
      Matcher activities = ACTIVITY.matcher(response.body());
      int shown = 0;
      while (activities.find()) {
        shown++;
      }
      if (path.equals("/")) {
        shown =
            (int) Pattern.compile("class=\"card pin\"").matcher(response.body()).results().count();
      }
      return new PageCost(statements, shown);
    }

    private URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }
  }
}
