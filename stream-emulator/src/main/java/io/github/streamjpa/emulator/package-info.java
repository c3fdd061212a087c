/** In-memory, Stream-compatible Feeds API server for development and tests. */
package io.github.streamjpa.emulator;
