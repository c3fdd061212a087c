package io.github.streamjpa.core;

import java.time.Instant;

/**
 * One follow relation as Stream reports it: {@code feedId} follows {@code targetId}.
 *
 * @param feedId the follower
 * @param targetId the followed feed
 * @param createdAt when the follow was created, null if not reported
 * @param updatedAt when it was last changed, null if not reported
 */
public record FollowInfo(FeedId feedId, FeedId targetId, Instant createdAt, Instant updatedAt) {}
