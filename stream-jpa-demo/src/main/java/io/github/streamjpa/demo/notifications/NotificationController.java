package io.github.streamjpa.demo.notifications;

import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.demo.people.SignedIn;
import io.github.streamjpa.jpa.FeedManager;
import io.github.streamjpa.jpa.enrich.EnrichedGroup;
import io.github.streamjpa.jpa.enrich.EnrichedPage;
import io.github.streamjpa.jpa.enrich.FeedReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;

/** My notifications; opening the first page marks them all seen, so the header's count drops. */
@Controller
class NotificationController {

  static final int PAGE_SIZE = 20;

  private final FeedReader reader;
  private final FeedManager feeds;

  NotificationController(FeedReader reader, FeedManager feeds) {
    this.reader = reader;
    this.feeds = feeds;
  }

  @GetMapping("/notifications")
  String notifications(
      @SessionAttribute(name = SignedIn.SESSION_KEY, required = false) Long me,
      @RequestParam(required = false) String cursor,
      Model model) {
    long person = SignedIn.require(me);
    EnrichedPage<EnrichedGroup> page;
    if (cursor == null) {
      ReadOptions firstPage = ReadOptions.builder().limit(PAGE_SIZE).markSeenAll().build();
      page = reader.notifications(feeds.notificationFeed(person), firstPage);
      // everything up to now was just marked seen
      model.addAttribute("unseen", 0);
    } else {
      page = reader.notificationFeed(person, PAGE_SIZE, cursor);
    }
    model.addAttribute("page", page);
    return "notifications/list";
  }
}
