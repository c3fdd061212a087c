package io.github.streamjpa.jpa;

import io.github.streamjpa.core.StreamException;

/**
 * A change of an entity cannot be synced as configured, e.g. an {@link Activity} whose time changed
 * or that has no actor; thrown during the flush, so the transaction does not commit.
 */
public class StreamSyncException extends StreamException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the entity and the rule. */
  public StreamSyncException(String message) {
    super(message);
  }

  /** Creates the exception with a message and its cause. */
  public StreamSyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
