package io.github.streamjpa.demo.notifications;

import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.jpa.FeedManager;
import org.springframework.stereotype.Component;

/** Reads how many notification groups a person has not seen yet (the header's badge). */
@Component
public class UnseenCounter {

  private final FeedManager feeds;

  UnseenCounter(FeedManager feeds) {
    this.feeds = feeds;
  }

  /** Returns the unseen count of a person's notification feed; costs no database statement. */
  public int unseen(long personId) {
    return feeds
        .notificationFeed(personId)
        .getNotificationActivities(ReadOptions.limit(1))
        .unseen();
  }
}
