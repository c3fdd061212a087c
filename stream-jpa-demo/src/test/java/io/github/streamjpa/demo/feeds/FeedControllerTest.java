package io.github.streamjpa.demo.feeds;

import static io.github.streamjpa.demo.TestEntities.activity;
import static io.github.streamjpa.demo.TestEntities.activityWithMissingObject;
import static io.github.streamjpa.demo.TestEntities.board;
import static io.github.streamjpa.demo.TestEntities.person;
import static io.github.streamjpa.demo.TestEntities.pin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.streamjpa.demo.notifications.UnseenCounter;
import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.demo.people.PersonRepository;
import io.github.streamjpa.demo.people.SignedIn;
import io.github.streamjpa.demo.pins.Board;
import io.github.streamjpa.demo.pins.BoardRepository;
import io.github.streamjpa.jpa.enrich.EnrichedGroup;
import io.github.streamjpa.jpa.enrich.EnrichedPage;
import io.github.streamjpa.jpa.enrich.FeedReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(FeedController.class)
@Import({ActivityTemplates.class, GroupSummaries.class, Labels.class})
class FeedControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean FeedReader reader;
  @MockitoBean PersonRepository people;
  @MockitoBean BoardRepository boards;
  @MockitoBean UnseenCounter unseenCounter;

  private final Person ann = person(1, "ann", "Ann Archer");
  private final Person bob = person(2, "bob", "Bob Baker");
  private final Board food = board(20, bob, "Food");

  @BeforeEach
  void signedIn() {
    when(people.findById(1L)).thenReturn(Optional.of(ann));
  }

  @Test
  void eachVerbIsRenderedByItsFragmentAndUnknownVerbsByTheFallback() throws Exception {
    when(reader.timeline(1L, FeedController.PAGE_SIZE, null))
        .thenReturn(
            new EnrichedPage<>(
                List.of(
                    activity("a1", bob, "pin", pin(5, bob, food, "Sourdough"), food),
                    activity("a2", bob, "save", pin(6, bob, food, "Bagels"), food),
                    activity("a3", bob, "follow", ann, null),
                    activity("a4", bob, "like", "the weather", null)),
                "a4",
                null,
                null));

    mvc.perform(get("/timeline").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("activity verb-pin")))
        .andExpect(content().string(containsString("activity verb-save")))
        .andExpect(content().string(containsString("activity verb-follow")))
        .andExpect(content().string(containsString("activity verb-other")))
        .andExpect(content().string(containsString("the weather")))
        .andExpect(content().string(containsString("/timeline?cursor=a4")));
  }

  @Test
  void referenceThatNoLongerResolvesShowsAPlaceholder() throws Exception {
    when(reader.timeline(1L, FeedController.PAGE_SIZE, null))
        .thenReturn(
            new EnrichedPage<>(
                List.of(
                    activityWithMissingObject("gone", bob, "pin"),
                    activity("a1", bob, "pin", pin(5, bob, food, "Sourdough"), food)),
                null,
                null,
                null));

    mvc.perform(get("/timeline").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("This item is no longer available.")))
        .andExpect(content().string(containsString("Sourdough")))
        .andExpect(content().string(not(containsString("id=\"older\""))));
  }

  @Test
  void aggregatedTimelineSaysWhoDidHowMuch() throws Exception {
    EnrichedGroup group =
        new EnrichedGroup(
            "g1",
            "pin_2026-12-01",
            "pin",
            5,
            4,
            Instant.now(),
            Instant.now(),
            null,
            null,
            List.of(activity("a1", bob, "pin", pin(5, bob, food, "Sourdough"), food)));
    when(reader.aggregatedTimeline(1L, FeedController.PAGE_SIZE, "g0"))
        .thenReturn(new EnrichedPage<>(List.of(group), "g1", null, null));

    mvc.perform(
            get("/timeline/aggregated").param("cursor", "g0").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Bob Baker and 3 others pinned 5 things")))
        .andExpect(content().string(containsString("/timeline/aggregated?cursor=g1")));
  }

  @Test
  void profileShowsThePersonTheirBoardsAndTheirFeed() throws Exception {
    when(people.findById(2L)).thenReturn(Optional.of(bob));
    when(boards.ofOwner(2L)).thenReturn(List.of(food));
    when(reader.userFeed(2L, FeedController.PAGE_SIZE, null))
        .thenReturn(
            new EnrichedPage<>(
                List.of(activity("a1", bob, "pin", pin(5, bob, food, "Sourdough"), food)),
                null,
                null,
                null));

    mvc.perform(get("/people/2"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Bio of Bob Baker")))
        .andExpect(content().string(containsString("Food")))
        .andExpect(content().string(containsString("Sourdough")));
  }

  @Test
  void profileOfSomeoneUnknownIsA404Page() throws Exception {
    mvc.perform(get("/people/99"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("person 99 does not exist")));
  }

  @Test
  void cursorTheReaderRefusesIsA400Page() throws Exception {
    when(reader.timeline(1L, FeedController.PAGE_SIZE, "bad cursor"))
        .thenThrow(new IllegalArgumentException("cursor 'bad cursor' must be an activity id"));

    mvc.perform(
            get("/timeline").param("cursor", "bad cursor").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("must be an activity id")));
  }

  @Test
  void timelinesNeedSomeoneSignedIn() throws Exception {
    mvc.perform(get("/timeline")).andExpect(redirectedUrl("/signin"));
    mvc.perform(get("/timeline/aggregated")).andExpect(redirectedUrl("/signin"));
  }
}
