/**
 * Implementation of stream-core: the OkHttp interceptors for auth, retries and client
 * identification, and JWT signing. Not part of the public API; it may change in any release.
 */
package io.github.streamjpa.core.internal;
