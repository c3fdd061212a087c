package io.github.streamjpa.core.internal;

/**
 * Request tag marking a POST that is safe to send twice (a follow, or a write whose activities all
 * carry foreign id and time). GET and DELETE are safe without it.
 */
public enum Retryable {
  /** The request may be repeated. */
  SAFE
}
