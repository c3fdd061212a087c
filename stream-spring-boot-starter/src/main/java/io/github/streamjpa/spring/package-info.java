/**
 * Spring Boot auto-configuration for stream-jpa: the dependency and three properties wire a Boot
 * application.
 *
 * <pre>
 * stream.api-key=...
 * stream.api-secret=...
 * stream.location=us-east
 * </pre>
 *
 * <p>The application then gets a {@code StreamClient}, the Hibernate wiring of stream-jpa (entities
 * implementing {@code Activity} are synced after commit), and {@code StreamJpa}, {@code
 * FeedManager}, {@code Outbox}, {@code Enricher} and {@code FeedReader} beans, each replaceable by
 * a bean of your own. With Actuator it also gets the outbox and client meters ({@link
 * io.github.streamjpa.spring.StreamMetricsAutoConfiguration}), the {@link
 * io.github.streamjpa.spring.OutboxHealthIndicator} and the {@link
 * io.github.streamjpa.spring.OutboxEndpoint}. {@code stream.emulator.enabled=true} runs everything
 * against an embedded emulator; in tests, {@link
 * io.github.streamjpa.spring.test.AutoConfigureStreamEmulator} does so. All properties: {@link
 * io.github.streamjpa.spring.StreamProperties}.
 */
package io.github.streamjpa.spring;
