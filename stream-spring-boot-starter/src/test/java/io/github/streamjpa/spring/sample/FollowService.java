package io.github.streamjpa.spring.sample;

import io.github.streamjpa.jpa.FeedManager;
import org.springframework.stereotype.Service;

/** The README's follow example, compiled from exactly the README text. */
// README:begin
@Service
class FollowService {
  private final FeedManager feeds; // a bean of the starter

  FollowService(FeedManager feeds) {
    this.feeds = feeds;
  }

  void follow(long userId, long targetUserId) {
    feeds.followUser(userId, targetUserId); // the user's news feeds follow the target's user feed
  }
}
// README:end
