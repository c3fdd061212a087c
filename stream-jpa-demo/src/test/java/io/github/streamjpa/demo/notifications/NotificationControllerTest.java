package io.github.streamjpa.demo.notifications;

import static io.github.streamjpa.demo.TestEntities.activity;
import static io.github.streamjpa.demo.TestEntities.person;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.streamjpa.core.Feed;
import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.demo.feeds.ActivityTemplates;
import io.github.streamjpa.demo.feeds.GroupSummaries;
import io.github.streamjpa.demo.feeds.Labels;
import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.demo.people.PersonRepository;
import io.github.streamjpa.demo.people.SignedIn;
import io.github.streamjpa.jpa.FeedManager;
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

@WebMvcTest(NotificationController.class)
@Import({ActivityTemplates.class, GroupSummaries.class, Labels.class})
class NotificationControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean FeedReader reader;
  @MockitoBean FeedManager feeds;
  @MockitoBean PersonRepository people;
  @MockitoBean UnseenCounter unseenCounter;

  private final Person ann = person(1, "ann", "Ann Archer");
  private final Person bob = person(2, "bob", "Bob Baker");
  private final Feed annsNotifications = mock(Feed.class);

  @BeforeEach
  void signedIn() {
    when(people.findById(1L)).thenReturn(Optional.of(ann));
    when(unseenCounter.unseen(1L)).thenReturn(3);
    when(feeds.notificationFeed(1L)).thenReturn(annsNotifications);
  }

  @Test
  void openingTheFirstPageMarksAllSeenAndTheBadgeShowsZero() throws Exception {
    ReadOptions markSeen =
        ReadOptions.builder().limit(NotificationController.PAGE_SIZE).markSeenAll().build();
    EnrichedGroup follows =
        new EnrichedGroup(
            "g1",
            "follow_2026-12-01",
            "follow",
            2,
            2,
            Instant.now(),
            Instant.now(),
            false,
            false,
            List.of(activity("a1", bob, "follow", ann, null)));
    when(reader.notifications(annsNotifications, markSeen))
        .thenReturn(new EnrichedPage<>(List.of(follows), null, 3, 3));

    mvc.perform(get("/notifications").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Bob Baker and 1 other followed you")))
        .andExpect(model().attribute("unseen", 0));
  }

  @Test
  void otherPagesShowTheUnseenCountInTheHeader() throws Exception {
    when(reader.notificationFeed(1L, NotificationController.PAGE_SIZE, "g1"))
        .thenReturn(new EnrichedPage<>(List.of(), null, 3, 3));

    mvc.perform(get("/notifications").param("cursor", "g1").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(status().isOk())
        .andExpect(model().attribute("unseen", 3))
        .andExpect(content().string(containsString("No notifications yet.")));
  }

  @Test
  void notificationsNeedSomeoneSignedIn() throws Exception {
    mvc.perform(get("/notifications")).andExpect(redirectedUrl("/signin"));
  }
}
