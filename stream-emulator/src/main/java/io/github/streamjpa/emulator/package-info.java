/**
 * An in-memory, Stream-compatible Feeds API server (REST API v1.0) for development and tests.
 *
 * <p>{@link io.github.streamjpa.emulator.StreamEmulator} is the entry point; {@link
 * io.github.streamjpa.emulator.EmulatorConfig} configures it, {@link
 * io.github.streamjpa.emulator.EmulatorControl} resets it, reads its request log, injects faults
 * and inspects state, and {@link io.github.streamjpa.emulator.StreamEmulatorExtension} runs it
 * inside JUnit 5 tests.
 *
 * <pre>{@code
 * try (StreamEmulator emulator = StreamEmulator.start(EmulatorConfig.builder()
 *     .feedGroup("likes", FeedGroupType.NOTIFICATION, "{{ verb }}_{{ object }}")
 *     .build())) {
 *   StreamClient client = StreamClient.builder(emulator.apiKey(), emulator.apiSecret())
 *       .baseUrl(emulator.baseUrl())
 *       .build();
 *   emulator.control().failNext(2, 503);   // prove the caller retries
 *   ...
 * }
 * }</pre>
 *
 * <p>The standalone form is {@code java -jar stream-emulator.jar --port 8000 --api-key KEY
 * --api-secret SECRET}.
 */
package io.github.streamjpa.emulator;
